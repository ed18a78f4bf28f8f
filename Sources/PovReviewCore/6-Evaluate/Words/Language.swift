/// The language of text that people read: Vietnamese (the default of every output) or English.
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}
