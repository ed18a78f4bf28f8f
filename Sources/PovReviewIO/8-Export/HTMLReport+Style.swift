/// The screen style sheet of the HTML report (print rules: `HTMLReport+Document.swift`).
extension Renderer {
    static let css = """
        :root { color-scheme: light; --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d0d0d0; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1100px; padding: 24px; color: var(--ink); background: #fff;
          font: 15px/1.45 "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
        h1 { font-size: 26px; margin: 0 0 8px; }
        h2 { font-size: 21px; margin: 36px 0 8px; padding-top: 8px; border-top: 2px solid var(--ink); }
        h3 { font-size: 17px; margin: 22px 0 6px; }
        .meta span { display: inline-block; margin-right: 18px; color: var(--muted); }
        .meta b { color: var(--ink); }
        nav ol { margin: 6px 0 0; padding-left: 22px; columns: 2; }
        a { color: #0b4f8a; }
        .figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 20px 0 0; }
        .card { flex: 1 1 200px; border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; }
        .card .label { color: var(--muted); font-size: 13px; }
        .card .value { font-size: 26px; font-weight: 600; }
        .card .detail { color: var(--muted); font-size: 13px; }
        figure { margin: 12px 0 18px; }
        figcaption { color: var(--muted); font-size: 13px; }
        svg.chart { max-width: 100%; height: auto; display: block; }
        svg text { font-family: inherit; font-size: 12px; fill: var(--ink); }
        svg .tick { fill: var(--muted); }
        svg .axis-label { font-size: 12px; fill: var(--muted); }
        svg .grid { stroke: #e6e6e6; stroke-width: 1; }
        svg .axis { stroke: #444; stroke-width: 1; }
        svg .reform { stroke: #7a0000; stroke-width: 1.5; stroke-dasharray: 4 4; }
        svg .reform-label { fill: #7a0000; font-size: 12px; }
        svg .point-label, svg .bar-value { font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px;
          stroke-linejoin: round; }
        svg .bar-label { font-size: 12.5px; }
        .panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 6px 14px; }
        .panel { margin: 0; border-top: 1px solid var(--rule); padding-top: 4px; }
        .panel figcaption { color: var(--ink); font-size: 13px; }
        .code { color: var(--muted); font-size: 12px; font-weight: normal; }
        .legend-line svg { vertical-align: middle; }
        .note { color: var(--muted); font-style: italic; }
        details { margin: -8px 0 16px; }
        summary { cursor: pointer; color: #0b4f8a; font-size: 13.5px; }
        @media print { details { display: none; } }
        table { border-collapse: collapse; margin: 10px 0 18px; font-size: 13.5px; }
        caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
        th, td { border: 1px solid var(--rule); padding: 4px 8px; vertical-align: top; }
        thead th { background: #f1f4f8; text-align: left; }
        table.numbers td { text-align: right; font-variant-numeric: tabular-nums; }
        table.numbers td.t { text-align: left; }
        table.criteria th[scope=row] { text-align: left; font-weight: normal; max-width: 420px; }
        table.criteria .label { font-weight: 600; }
        table.criteria .text { color: var(--muted); font-size: 12.5px; }
        td.v { text-align: center; font-weight: 700; min-width: 44px; }
        td.v .label { font-weight: normal; white-space: nowrap; }
        .chip { display: inline-block; padding: 1px 7px; margin: 1px 0; border-radius: 10px; border: 1px solid #999;
          font-size: 12.5px; white-space: nowrap; }
        .v-met { background: #d7f0d7; color: #125c12; border-color: #6fb46f; }
        .v-not_met { background: #f9d6d5; color: #8e1512; border-color: #d77471; }
        .v-insufficient_data { background: #ececec; color: #444; border-color: #aaa; }
        .v-not_applicable { background: #fff; color: #777; border-color: #ccc; }
        .borderline { outline: 2px dashed #b26b00; outline-offset: -3px; }
        .chip.borderline { outline: none; border: 2px dashed #b26b00; background: #fff4e0; color: #6b4000; }
        td.none, .none { color: #bbb; text-align: center; }
        .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        table.evidence td:last-child { max-width: 640px; }
        footer { margin-top: 40px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--rule); }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; }
          nav { display: none; }
          h2, h3 { break-before: auto; break-after: avoid; }
          figure, table { break-inside: avoid; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
