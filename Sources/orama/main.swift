import Foundation
import OramaApp
import Vapor

var env = try Environment.detect()
try LoggingSystem.bootstrap(from: &env)
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
