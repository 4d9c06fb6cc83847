import Foundation

/// Runs bench_python.py (pyarrow and fastparquet on the same rows) and turns its JSON line into measurements.
enum PythonComparison {
    static func run(python: URL, script: URL) throws -> (writes: [Measurement], reads: [Measurement]) {
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path, "\(rowCount)", work.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = output.split(separator: UInt8(ascii: "\n"))
        for line in lines.dropLast() { print(String(decoding: line, as: UTF8.self)) }
        let figures = (try? JSONSerialization.jsonObject(with: lines.last ?? Data()) as? [String: Double]) ?? [:]
        func measured(_ label: String, _ shape: Shape, _ key: String, bytes: String) -> Measurement? {
            guard let cpu = figures[key + "_cpu"] else { return nil }
            return Measurement(
                label: label, shape: shape, wall: figures[key + "_wall"], cpu: cpu, bytes: Int(figures[bytes] ?? 0))
        }
        var writes: [Measurement] = []
        if var fromDicts = measured(
            "pyarrow: from_pylist(dicts) + write", .rows, "pyarrow_write", bytes: "pyarrow_bytes"),
            let building = figures["pyarrow_from_pylist_cpu"]
        {
            fromDicts.cpu += building
            fromDicts.wall = figures["pyarrow_from_pylist_wall"].flatMap { wall in fromDicts.wall.map { $0 + wall } }
            writes.append(fromDicts)
        }
        writes += [
            measured("pyarrow: Arrow table -> file", .columns, "pyarrow_write", bytes: "pyarrow_bytes"),
            measured(
                "fastparquet: pandas (nested as JSON) -> file", .rows, "fastparquet_write", bytes: "fastparquet_bytes"),
        ].compactMap { $0 }
        let reads = [
            measured(
                "pyarrow: file -> Arrow -> to_pylist (dicts)", .rows, "pyarrow_read_plus_to_pylist",
                bytes: "pyarrow_bytes"),
            measured("pyarrow: our file -> Arrow -> to_pylist", .rows, "pyarrow_read_swift_file", bytes: "swift_bytes"),
            measured("pyarrow: file -> Arrow table", .columns, "pyarrow_read", bytes: "pyarrow_bytes"),
            measured("pyarrow: our file -> Arrow table", .columns, "pyarrow_read_swift_table", bytes: "swift_bytes"),
            measured(
                "fastparquet: file -> pandas (nested as JSON)", .rows, "fastparquet_read", bytes: "fastparquet_bytes"),
        ].compactMap { $0 }
        return (writes, reads)
    }
}
