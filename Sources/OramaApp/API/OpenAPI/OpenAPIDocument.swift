import Foundation
import Vapor

/// The OpenAPI 3.1 description of `/api/v1`, served at `/openapi.json`; written by
/// `scripts/openapi-gen.py` (edit it there). A test compares its
/// paths and methods with the routes the application registers, so the two cannot drift;
/// `scripts/api-test` validates it and runs schemathesis against a live server.
enum OpenAPIDocument {
    @Sendable static func serve(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: json))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }

    static let json = ##"""
{
 "openapi": "3.1.0",
 "info": {
  "title": "Orama API",
  "version": "1.0.0",
  "description": "Το API του Orama για τα Επιχειρησιακά Προγράμματα των Δήμων (ΥΑ 41179/2014). Τα δημοσιευμένα προγράμματα διαβάζονται χωρίς σύνδεση· οι αλλαγές και τα σχέδια χρειάζονται προσωπικό κλειδί API (Authorization: Bearer), που δημιουργείται στη σελίδα /account/tokens, με τα δικαιώματα ρόλου και υπηρεσίας του χρήστη. Τα ποσά δίνονται σε λεπτά του ευρώ (…Cents). Τα σφάλματα έχουν πάντα τη μορφή {\"error\": {status, code, message}}."
 },
 "servers": [
  {
   "url": "/"
  }
 ],
 "paths": {
  "/api/v1/programmes": {
   "get": {
    "operationId": "listProgrammes",
    "summary": "Τα δημοσιευμένα προγράμματα (και, με κλειδί, του Δήμου σας)",
    "security": [
     {},
     {
      "bearerAuth": []
     }
    ],
    "responses": {
     "200": {
      "description": "Επιτυχία",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/ProgrammeListItem"
         }
        }
       }
      },
      "links": {
       "GetProgramme": {
        "operationId": "getProgramme",
        "parameters": {
         "programmeID": "$response.body#/0/id"
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/programmes/{programmeID}": {
   "get": {
    "operationId": "getProgramme",
    "summary": "Ολόκληρο το πρόγραμμα: άξονες, μέτρα, στόχοι, δράσεις, δείκτες, σύνολα",
    "parameters": [
     {
      "name": "programmeID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό προγράμματος"
     }
    ],
    "security": [
     {},
     {
      "bearerAuth": []
     }
    ],
    "responses": {
     "200": {
      "description": "Επιτυχία",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Programme"
        }
       }
      },
      "links": {
       "GetStrategy": {
        "operationId": "getStrategy",
        "parameters": {
         "programmeID": "$response.body#/id"
        }
       },
       "ListActions": {
        "operationId": "listActions",
        "parameters": {
         "programmeID": "$response.body#/id"
        }
       },
       "ListIndicators": {
        "operationId": "listIndicators",
        "parameters": {
         "programmeID": "$response.body#/id"
        }
       },
       "GetChecks": {
        "operationId": "getChecks",
        "parameters": {
         "programmeID": "$response.body#/id"
        }
       },
       "GetFinance": {
        "operationId": "getFinance",
        "parameters": {
         "programmeID": "$response.body#/id"
        }
       },
       "GetAnnual": {
        "operationId": "getAnnual",
        "parameters": {
         "programmeID": "$response.body#/id",
         "year": "$response.body#/startYear"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/programmes/{programmeID}/strategy": {
   "get": {
    "operationId": "getStrategy",
    "summary": "Στρατηγικός Σχεδιασμός (Αʹ Φάση): προφίλ, SWOT, κρίσιμα ζητήματα, όραμα, αρχές, στρατηγικοί στόχοι, ημερομηνίες διαβούλευσης και συμβουλίου",
    "parameters": [
     {
      "name": "programmeID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό προγράμματος"
     }
    ],
    "security": [
     {},
     {
      "bearerAuth": []
     }
    ],
    "responses": {
     "200": {
      "description": "Επιτυχία",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Strategy"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/programmes/{programmeID}/checks": {
   "get": {
    "operationId": "getChecks",
    "summary": "Έλεγχοι πληρότητας και συνέπειας (χρήστες του Δήμου)",
    "parameters": [
     {
      "name": "programmeID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό προγράμματος"
     }
    ],
    "security": [
     {},
     {
      "bearerAuth": []
     }
    ],
    "responses": {
     "200": {
      "description": "Επιτυχία",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Finding"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/programmes/{programmeID}/finance": {
   "get": {
    "operationId": "getFinance",
    "summary": "Οικονομικός πίνακας ανά πηγή και έτος",
    "parameters": [
     {
      "name": "programmeID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό προγράμματος"
     },
     {
      "name": "by",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "enum": [
        "axis",
        "measure",
        "unit",
        "locality",
        "action"
       ],
       "default": "axis"
      }
     }
    ],
    "security": [
     {},
     {
      "bearerAuth": []
     }
    ],
    "responses": {
     "200": {
      "description": "Επιτυχία",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Finance"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/programmes/{programmeID}/annual/{year}": {
   "get": {
    "operationId": "getAnnual",
    "summary": "Ετήσιο Πρόγραμμα Δράσης και Τεχνικό Πρόγραμμα ενός έτους",
    "parameters": [
     {
      "name": "programmeID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό προγράμματος"
     },
     {
      "name": "year",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "security": [
     {},
     {
      "bearerAuth": []
     }
    ],
    "responses": {
     "200": {
      "description": "Επιτυχία",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Annual"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/programmes/{programmeID}/actions": {
   "get": {
    "operationId": "listActions",
    "summary": "Όλες οι δράσεις με τη θέση τους στο δέντρο",
    "parameters": [
     {
      "name": "programmeID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό προγράμματος"
     }
    ],
    "security": [
     {},
     {
      "bearerAuth": []
     }
    ],
    "responses": {
     "200": {
      "description": "Επιτυχία",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/ActionItem"
         }
        }
       }
      },
      "links": {
       "GetAction": {
        "operationId": "getAction",
        "parameters": {
         "programmeID": "$request.path.programmeID",
         "actionID": "$response.body#/0/action/id"
        }
       },
       "PatchAction": {
        "operationId": "patchAction",
        "parameters": {
         "programmeID": "$request.path.programmeID",
         "actionID": "$response.body#/0/action/id"
        }
       },
       "RecordProgress": {
        "operationId": "recordProgress",
        "parameters": {
         "programmeID": "$request.path.programmeID",
         "actionID": "$response.body#/0/action/id"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/programmes/{programmeID}/indicators": {
   "get": {
    "operationId": "listIndicators",
    "summary": "Όλοι οι δείκτες με στόχους και τιμές",
    "parameters": [
     {
      "name": "programmeID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό προγράμματος"
     }
    ],
    "security": [
     {},
     {
      "bearerAuth": []
     }
    ],
    "responses": {
     "200": {
      "description": "Επιτυχία",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Indicator"
         }
        }
       }
      },
      "links": {
       "GetIndicator": {
        "operationId": "getIndicator",
        "parameters": {
         "programmeID": "$request.path.programmeID",
         "indicatorID": "$response.body#/0/id"
        }
       },
       "RecordMeasurement": {
        "operationId": "recordMeasurement",
        "parameters": {
         "programmeID": "$request.path.programmeID",
         "indicatorID": "$response.body#/0/id"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/programmes/{programmeID}/indicators/{indicatorID}": {
   "get": {
    "operationId": "getIndicator",
    "summary": "Ένας δείκτης",
    "parameters": [
     {
      "name": "programmeID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό προγράμματος"
     },
     {
      "name": "indicatorID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό δείκτη"
     }
    ],
    "security": [
     {},
     {
      "bearerAuth": []
     }
    ],
    "responses": {
     "200": {
      "description": "Επιτυχία",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Indicator"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/programmes/{programmeID}/actions/{actionID}": {
   "get": {
    "operationId": "getAction",
    "summary": "Μία δράση",
    "parameters": [
     {
      "name": "programmeID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό προγράμματος"
     },
     {
      "name": "actionID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό δράσης"
     }
    ],
    "security": [
     {},
     {
      "bearerAuth": []
     }
    ],
    "responses": {
     "200": {
      "description": "Επιτυχία",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ActionItem"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   },
   "patch": {
    "operationId": "patchAction",
    "summary": "Αλλαγή περιγραφικών στοιχείων δράσης (τίτλος, περιγραφή, προαπαιτούμενα, ωριμότητα, ΚΑΕ)",
    "parameters": [
     {
      "name": "programmeID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό προγράμματος"
     },
     {
      "name": "actionID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό δράσης"
     }
    ],
    "security": [
     {
      "bearerAuth": []
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ActionPatch"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "Επιτυχία",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ActionItem"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "413": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/programmes/{programmeID}/actions/{actionID}/progress": {
   "post": {
    "operationId": "recordProgress",
    "summary": "Αναφορά προόδου δράσης για ένα τρίμηνο",
    "parameters": [
     {
      "name": "programmeID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό προγράμματος"
     },
     {
      "name": "actionID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό δράσης"
     }
    ],
    "security": [
     {
      "bearerAuth": []
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ProgressInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Καταχωρίστηκε",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Progress"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "413": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/programmes/{programmeID}/indicators/{indicatorID}/measurements": {
   "post": {
    "operationId": "recordMeasurement",
    "summary": "Τιμή δείκτη για μια περίοδο",
    "parameters": [
     {
      "name": "programmeID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό προγράμματος"
     },
     {
      "name": "indicatorID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Αναγνωριστικό δείκτη"
     }
    ],
    "security": [
     {
      "bearerAuth": []
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/MeasurementInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Καταχωρίστηκε",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MeasurementRecord"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "413": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  }
 },
 "components": {
  "schemas": {
   "Error": {
    "type": "object",
    "required": [
     "error"
    ],
    "properties": {
     "error": {
      "type": "object",
      "required": [
       "status",
       "code",
       "message"
      ],
      "properties": {
       "status": {
        "type": "integer"
       },
       "code": {
        "type": "string"
       },
       "message": {
        "type": "string",
        "description": "Μήνυμα στα ελληνικά"
       }
      }
     }
    }
   },
   "ProgrammeListItem": {
    "type": "object",
    "required": [
     "id",
     "title",
     "startYear",
     "endYear",
     "status",
     "version",
     "changeCounter",
     "url"
    ],
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "title": {
      "type": "string"
     },
     "startYear": {
      "type": "integer"
     },
     "endYear": {
      "type": "integer"
     },
     "status": {
      "type": "string",
      "enum": [
       "draft",
       "consultation",
       "approved",
       "published",
       "superseded"
      ]
     },
     "version": {
      "type": "integer"
     },
     "changeCounter": {
      "type": "integer"
     },
     "url": {
      "type": "string"
     }
    }
   },
   "Totals": {
    "type": "object",
    "required": [
     "costCents",
     "fundingCents",
     "fundingText",
     "fundingByYear",
     "actionCount"
    ],
    "properties": {
     "costCents": {
      "type": "integer"
     },
     "fundingCents": {
      "type": "integer"
     },
     "fundingText": {
      "type": "string"
     },
     "fundingByYear": {
      "type": "object",
      "additionalProperties": {
       "type": "integer"
      }
     },
     "progress": {
      "type": "number",
      "description": "Σταθμισμένη πρόοδος %"
     },
     "actionCount": {
      "type": "integer"
     }
    }
   },
   "FundingLine": {
    "type": "object",
    "required": [
     "source",
     "year",
     "amountCents"
    ],
    "properties": {
     "source": {
      "type": "string"
     },
     "year": {
      "type": "integer"
     },
     "amountCents": {
      "type": "integer"
     }
    }
   },
   "Milestone": {
    "type": "object",
    "required": [
     "id",
     "date",
     "title",
     "isDone"
    ],
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "date": {
      "type": "string",
      "format": "date"
     },
     "title": {
      "type": "string"
     },
     "isDone": {
      "type": "boolean"
     }
    }
   },
   "Measurement": {
    "type": "object",
    "required": [
     "period",
     "value",
     "note"
    ],
    "properties": {
     "period": {
      "type": "string",
      "description": "ΕΕΕΕ ή ΕΕΕΕ-QN"
     },
     "value": {
      "type": "number"
     },
     "note": {
      "type": "string"
     }
    }
   },
   "Indicator": {
    "type": "object",
    "required": [
     "id",
     "code",
     "name",
     "kind",
     "unit",
     "direction",
     "targets",
     "measurements",
     "dataSource",
     "frequency"
    ],
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "code": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "kind": {
      "type": "string",
      "enum": [
       "input",
       "output",
       "result",
       "impact"
      ]
     },
     "unit": {
      "type": "string"
     },
     "direction": {
      "type": "string",
      "enum": [
       "higherIsBetter",
       "lowerIsBetter"
      ]
     },
     "baseline": {
      "type": "number"
     },
     "baselineYear": {
      "type": "integer"
     },
     "targets": {
      "type": "object",
      "additionalProperties": {
       "type": "number"
      }
     },
     "measurements": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Measurement"
      }
     },
     "dataSource": {
      "type": "string"
     },
     "frequency": {
      "type": "string",
      "enum": [
       "quarterly",
       "semiannual",
       "annual"
      ]
     },
     "responsibleUnit": {
      "type": "string"
     },
     "actionID": {
      "type": "string",
      "format": "uuid"
     },
     "achievementLatest": {
      "type": "number"
     }
    }
   },
   "Action": {
    "type": "object",
    "required": [
     "id",
     "code",
     "title",
     "description",
     "kind",
     "nature",
     "coResponsibleUnits",
     "implementingBody",
     "supraLocal",
     "partners",
     "localities",
     "priority",
     "maturity",
     "preconditions",
     "costCents",
     "costText",
     "fundingLines",
     "budgetLines",
     "weight",
     "milestones"
    ],
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "code": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "description": {
      "type": "string"
     },
     "kind": {
      "type": "string",
      "enum": [
       "projectCategory",
       "largeProject",
       "recurringOperation"
      ]
     },
     "nature": {
      "type": "string",
      "enum": [
       "works",
       "study",
       "supply",
       "service",
       "operation"
      ]
     },
     "responsibleUnit": {
      "type": "string"
     },
     "coResponsibleUnits": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "implementingBody": {
      "type": "string"
     },
     "supraLocal": {
      "type": "boolean"
     },
     "partners": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "localities": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "priority": {
      "type": "integer",
      "enum": [
       1,
       2,
       3
      ]
     },
     "rank": {
      "type": "integer"
     },
     "maturity": {
      "type": "string",
      "enum": [
       "idea",
       "studyReady",
       "licensed",
       "tendered",
       "contracted"
      ]
     },
     "preconditions": {
      "type": "string"
     },
     "costCents": {
      "type": "integer"
     },
     "costText": {
      "type": "string"
     },
     "fundingLines": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/FundingLine"
      }
     },
     "scheduleStart": {
      "type": "string"
     },
     "scheduleEnd": {
      "type": "string"
     },
     "budgetLines": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "weight": {
      "type": "number"
     },
     "milestones": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Milestone"
      }
     },
     "status": {
      "type": "string",
      "enum": [
       "notStarted",
       "onTrack",
       "atRisk",
       "delayed",
       "completed",
       "cancelled"
      ]
     },
     "progress": {
      "type": "number"
     }
    }
   },
   "Objective": {
    "type": "object",
    "required": [
     "id",
     "code",
     "title",
     "totals",
     "indicators",
     "actions"
    ],
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "code": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "totals": {
      "$ref": "#/components/schemas/Totals"
     },
     "indicators": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Indicator"
      }
     },
     "actions": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Action"
      }
     }
    }
   },
   "Measure": {
    "type": "object",
    "required": [
     "id",
     "code",
     "title",
     "totals",
     "indicators",
     "objectives"
    ],
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "code": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "totals": {
      "$ref": "#/components/schemas/Totals"
     },
     "indicators": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Indicator"
      }
     },
     "objectives": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Objective"
      }
     }
    }
   },
   "Axis": {
    "type": "object",
    "required": [
     "id",
     "code",
     "title",
     "description",
     "totals",
     "measures"
    ],
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "code": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "description": {
      "type": "string"
     },
     "totals": {
      "$ref": "#/components/schemas/Totals"
     },
     "measures": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Measure"
      }
     }
    }
   },
   "Programme": {
    "type": "object",
    "required": [
     "id",
     "organisation",
     "title",
     "startYear",
     "endYear",
     "status",
     "version",
     "changeCounter",
     "note",
     "totals",
     "axes"
    ],
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "organisation": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "startYear": {
      "type": "integer"
     },
     "endYear": {
      "type": "integer"
     },
     "status": {
      "type": "string"
     },
     "version": {
      "type": "integer"
     },
     "changeCounter": {
      "type": "integer"
     },
     "note": {
      "type": "string"
     },
     "totals": {
      "$ref": "#/components/schemas/Totals"
     },
     "axes": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Axis"
      }
     }
    }
   },
   "ActionItem": {
    "type": "object",
    "required": [
     "axisCode",
     "measureCode",
     "objectiveCode",
     "action"
    ],
    "properties": {
     "axisCode": {
      "type": "string"
     },
     "measureCode": {
      "type": "string"
     },
     "objectiveCode": {
      "type": "string"
     },
     "action": {
      "$ref": "#/components/schemas/Action"
     }
    }
   },
   "Finding": {
    "type": "object",
    "required": [
     "rule",
     "ruleName",
     "severity",
     "place",
     "code",
     "title",
     "problem",
     "remedy"
    ],
    "properties": {
     "rule": {
      "type": "string"
     },
     "ruleName": {
      "type": "string"
     },
     "severity": {
      "type": "string"
     },
     "place": {
      "type": "string"
     },
     "code": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "problem": {
      "type": "string"
     },
     "remedy": {
      "type": "string"
     },
     "link": {
      "type": "string"
     }
    }
   },
   "Finance": {
    "type": "object",
    "required": [
     "grouping",
     "years",
     "sources",
     "rows",
     "totalsByYear",
     "totalsBySource",
     "grandTotalCents"
    ],
    "properties": {
     "grouping": {
      "type": "string",
      "enum": [
       "axis",
       "measure",
       "unit",
       "locality",
       "action"
      ]
     },
     "years": {
      "type": "array",
      "items": {
       "type": "integer"
      }
     },
     "sources": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "code",
        "name"
       ],
       "properties": {
        "code": {
         "type": "string"
        },
        "name": {
         "type": "string"
        }
       }
      }
     },
     "rows": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "code",
        "label",
        "amounts",
        "totalCents"
       ],
       "properties": {
        "code": {
         "type": "string"
        },
        "label": {
         "type": "string"
        },
        "amounts": {
         "type": "array",
         "items": {
          "type": "object",
          "required": [
           "source",
           "year",
           "amountCents"
          ],
          "properties": {
           "source": {
            "type": "string"
           },
           "year": {
            "type": "integer"
           },
           "amountCents": {
            "type": "integer"
           }
          }
         }
        },
        "totalCents": {
         "type": "integer"
        }
       }
      }
     },
     "totalsByYear": {
      "type": "object",
      "additionalProperties": {
       "type": "integer"
      }
     },
     "totalsBySource": {
      "type": "object",
      "additionalProperties": {
       "type": "integer"
      }
     },
     "grandTotalCents": {
      "type": "integer"
     }
    }
   },
   "Annual": {
    "type": "object",
    "required": [
     "year",
     "approved",
     "actions",
     "technicalProgramme",
     "totalCents"
    ],
    "properties": {
     "year": {
      "type": "integer"
     },
     "approved": {
      "type": "boolean"
     },
     "approvedAt": {
      "description": "Χρόνος έγκρισης"
     },
     "approvedBy": {
      "type": "string"
     },
     "actions": {
      "type": "array",
      "items": {
       "type": "object"
      }
     },
     "technicalProgramme": {
      "type": "array",
      "items": {
       "type": "object"
      }
     },
     "totalCents": {
      "type": "integer"
     }
    }
   },
   "KeyFigure": {
    "type": "object",
    "required": [
     "name",
     "value",
     "unit",
     "year",
     "source"
    ],
    "properties": {
     "name": {
      "type": "string"
     },
     "value": {
      "type": "number"
     },
     "unit": {
      "type": "string"
     },
     "year": {
      "type": "integer"
     },
     "source": {
      "type": "string"
     }
    }
   },
   "Strategy": {
    "type": "object",
    "required": [
     "profileSections",
     "swot",
     "criticalIssues",
     "vision",
     "guidingPrinciples",
     "strategicGoals"
    ],
    "properties": {
     "profileSections": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "title",
        "body",
        "keyFigures"
       ],
       "properties": {
        "title": {
         "type": "string"
        },
        "body": {
         "type": "string"
        },
        "keyFigures": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/KeyFigure"
         }
        }
       }
      }
     },
     "swot": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "quadrant",
        "text"
       ],
       "properties": {
        "quadrant": {
         "type": "string",
         "enum": [
          "strength",
          "weakness",
          "opportunity",
          "threat"
         ]
        },
        "text": {
         "type": "string"
        }
       }
      }
     },
     "criticalIssues": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "vision": {
      "type": "string"
     },
     "guidingPrinciples": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "strategicGoals": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "axisID",
        "axisCode",
        "text"
       ],
       "properties": {
        "axisID": {
         "type": "string",
         "format": "uuid"
        },
        "axisCode": {
         "type": "string"
        },
        "text": {
         "type": "string"
        }
       }
      }
     },
     "consultationStart": {
      "type": "string",
      "format": "date"
     },
     "consultationEnd": {
      "type": "string",
      "format": "date"
     },
     "councilSession": {
      "type": "string",
      "format": "date"
     }
    }
   },
   "ActionPatch": {
    "type": "object",
    "required": [],
    "properties": {
     "title": {
      "type": "string"
     },
     "description": {
      "type": "string"
     },
     "preconditions": {
      "type": "string"
     },
     "maturity": {
      "type": "string",
      "enum": [
       "idea",
       "studyReady",
       "licensed",
       "tendered",
       "contracted"
      ]
     },
     "budgetLines": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "changeCounter": {
      "type": "integer",
      "description": "Ο μετρητής αλλαγών που διάβασε ο πελάτης· αν διαφέρει, 409."
     }
    }
   },
   "ProgressInput": {
    "type": "object",
    "required": [
     "period",
     "status",
     "physicalProgress",
     "spentCents"
    ],
    "properties": {
     "period": {
      "type": "string",
      "examples": [
       "2025-Q2"
      ]
     },
     "status": {
      "type": "string",
      "enum": [
       "notStarted",
       "onTrack",
       "atRisk",
       "delayed",
       "completed",
       "cancelled"
      ]
     },
     "physicalProgress": {
      "type": "integer",
      "minimum": 0,
      "maximum": 100
     },
     "spentCents": {
      "type": "integer",
      "minimum": 0
     },
     "comment": {
      "type": "string"
     },
     "reason": {
      "type": "string",
      "description": "Αιτία διόρθωσης περιόδου που έχει λήξει"
     }
    }
   },
   "Progress": {
    "type": "object",
    "required": [
     "actionID",
     "period",
     "date",
     "status",
     "physicalProgress",
     "spentCents",
     "comment"
    ],
    "properties": {
     "actionID": {
      "type": "string",
      "format": "uuid"
     },
     "period": {
      "type": "string"
     },
     "date": {
      "type": "string",
      "format": "date"
     },
     "status": {
      "type": "string"
     },
     "physicalProgress": {
      "type": "integer"
     },
     "spentCents": {
      "type": "integer"
     },
     "comment": {
      "type": "string"
     }
    }
   },
   "MeasurementInput": {
    "type": "object",
    "required": [
     "period",
     "value"
    ],
    "properties": {
     "period": {
      "type": "string",
      "examples": [
       "2025",
       "2025-Q2"
      ]
     },
     "value": {
      "type": "number"
     },
     "note": {
      "type": "string"
     },
     "reason": {
      "type": "string"
     }
    }
   },
   "MeasurementRecord": {
    "type": "object",
    "required": [
     "indicatorID",
     "period",
     "value",
     "note"
    ],
    "properties": {
     "indicatorID": {
      "type": "string",
      "format": "uuid"
     },
     "period": {
      "type": "string"
     },
     "value": {
      "type": "number"
     },
     "note": {
      "type": "string"
     }
    }
   }
  },
  "responses": {
   "Error": {
    "description": "Σφάλμα με σταθερή μορφή",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   }
  },
  "securitySchemes": {
   "bearerAuth": {
    "type": "http",
    "scheme": "bearer",
    "description": "Προσωπικό κλειδί API (orama_…)"
   }
  }
 }
}
"""##
}
