import Foundation
import OramaDomain
import Vapor

/// `/api/v1/programmes/{id}/indicators…`: indicators with targets and values, and a value
/// recorded with an API token under the same rules as the value form.
enum IndicatorsAPIController {
    @Sendable static func list(req: Request) async throws -> [IndicatorDTO] {
        let loaded = try await ProgrammeContext.load(req)
        let year = ProgrammeDTO.latestMeasuredYear(loaded.programme)
        return loaded.programme.indicators.map { IndicatorDTO($0, reference: loaded.reference, latestYear: year) }
    }

    @Sendable static func show(req: Request) async throws -> IndicatorDTO {
        let loaded = try await ProgrammeContext.load(req)
        return IndicatorDTO(try loaded.indicator(req), reference: loaded.reference, latestYear: ProgrammeDTO.latestMeasuredYear(loaded.programme))
    }

    @Sendable static func recordMeasurement(req: Request) async throws -> Response {
        let write = try await APIRequests.indicatorWrite(req, MeasurementInputDTO.self, refused: "δεν καταχωρίζει τιμές για τον δείκτη")
        let (input, indicator) = (write.body, write.target)
        let entry: ValueEntry
        do throws(FieldError) {
            entry = ValueEntry(period: try FieldRules.period(input.period), value: try FieldRules.value(input.value),
                               note: try FieldRules.note(input.note ?? ""), reason: try FieldRules.reason(input.reason))
        } catch {
            throw UserFacingError.invalid(error)
        }
        let (now, today) = (req.now, req.today)
        let programme = try await APIRequests.save(req, write.loaded) { programme in
            do {
                try programme.record(entry, for: indicator.id, by: write.user.name, at: now, today: today)
            } catch let error as EntryError {
                throw APIRequests.refused(error)
            }
        }
        let m = programme.indicators.first { $0.id == indicator.id }!.measurements.first { $0.period == entry.period }!
        return try await MeasurementRecordDTO(indicatorID: indicator.id, period: entry.period.code, value: m.value, note: m.note).encodeResponse(status: .created, for: req)
    }
}
