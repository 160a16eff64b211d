import Foundation
import Logging
import OramaApp
import Vapor

var env = try Environment.detect()
// Logs go to standard error, so that what a command prints (`orama check --json`, the
// one-time admin password) stays alone on standard output.
try LoggingSystem.bootstrap(from: &env) { level in
    { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
    }
}
let app = try await Application.make(env)
var failed = false
do {
    try await configure(app)
    try await app.execute()
} catch {
    // Vapor has already shown the command's error; a bad argument is not a crash.
    failed = true
}
try await app.asyncShutdown()
if failed { exit(1) }
