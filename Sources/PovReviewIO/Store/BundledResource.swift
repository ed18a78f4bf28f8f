import Foundation

/// The data files bundled with PovReviewIO (`Sources/PovReviewIO/Resources/`, `Bundle.module`):
/// SwiftPM copies them into `povreview_PovReviewIO.resources` beside the executable, so the
/// program finds them from any working directory.
enum BundledResource {
    /// The URL of the bundled `<name>.yaml`.
    static func url(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Resources")
    }

    /// Decodes the bundled `<name>.yaml` as `T`, rejecting keys outside `shape`. The files ship
    /// with the program, so a missing or broken one is a broken build: it stops the program
    /// with the file, line and problem.
    static func decode<T: Decodable>(_ type: T.Type, _ name: String, shape: KeyShape) -> T {
        guard let url = url(name) else {
            fatalError("povreview: the bundled \(name).yaml is missing from \(Bundle.module.bundlePath)")
        }
        do {
            return try YAMLFile(url: url, displayPath: url.path).decode(T.self, shape: shape)
        } catch {
            fatalError("povreview: the bundled \(name).yaml is broken: \(error)")
        }
    }
}
