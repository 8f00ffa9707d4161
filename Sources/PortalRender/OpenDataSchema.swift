/// The JSON Schema (2020-12) of `/daten/katalog.json` (`OpenDataFiles`), published beside it.
/// `Tests/browser/test_open_data.py` validates the sample's file against it.
package enum OpenDataSchema {
    package static let text = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "Katalog eines Serviceportals: Leistungen, Behörden, Zuständigkeiten",
  "description": "Die Leistungen (mit LeiKa-Schlüssel und OZG-ID), die Behörden und die Zuständigkeiten eines mit portal gebauten Serviceportals. Zuständigkeiten sind Regeln: Für eine Leistung und einen Ort gilt die Regel mit dem längsten Gebietsschlüssel (AGS), der ein Anfang des Schlüssels des Ortes ist.",
  "type": "object",
  "required": ["titel", "herausgeber", "lizenz", "quelle", "themenfelder", "lebenslagen", "leistungen", "behoerden", "zustaendigkeiten"],
  "additionalProperties": false,
  "properties": {
    "$schema": {"type": "string", "format": "uri"},
    "titel": {"type": "string", "description": "Name des Portals"},
    "herausgeber": {"type": "string", "description": "Wer die Daten veröffentlicht (Namensnennung)"},
    "lizenz": {
      "type": "object", "required": ["name", "url"], "additionalProperties": false,
      "properties": {"name": {"type": "string", "minLength": 1}, "url": {"type": "string", "format": "uri", "pattern": "^https://"}}
    },
    "quelle": {"type": "string", "format": "uri", "description": "Adresse des Portals"},
    "themenfelder": {"type": "array", "items": {"$ref": "#/$defs/thema"}},
    "lebenslagen": {"type": "array", "items": {"$ref": "#/$defs/thema"}},
    "leistungen": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["slug", "titel", "kurzbeschreibung", "leika", "ozg_id", "themenfeld", "lebenslagen", "url"],
        "additionalProperties": false,
        "properties": {
          "slug": {"$ref": "#/$defs/slug"},
          "titel": {"type": "string", "minLength": 1},
          "kurzbeschreibung": {"type": "string"},
          "leika": {"type": ["string", "null"], "pattern": "^[0-9]{14}$", "description": "Leistungsschlüssel des Leistungskatalogs (LeiKa)"},
          "ozg_id": {"type": ["string", "null"], "description": "Kennung im OZG-Umsetzungskatalog"},
          "themenfeld": {"$ref": "#/$defs/slug"},
          "lebenslagen": {"type": "array", "items": {"$ref": "#/$defs/slug"}},
          "url": {"type": "string", "format": "uri"}
        }
      }
    },
    "behoerden": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["id", "name", "anschrift", "telefon", "email", "website", "url"],
        "additionalProperties": false,
        "properties": {
          "id": {"$ref": "#/$defs/slug"},
          "name": {"type": "string", "minLength": 1},
          "anschrift": {
            "type": "object", "required": ["strasse", "plz", "ort"], "additionalProperties": false,
            "properties": {"strasse": {"type": "string"}, "plz": {"type": "string", "pattern": "^[0-9]{5}$"}, "ort": {"type": "string"}}
          },
          "telefon": {"type": ["string", "null"]},
          "email": {"type": ["string", "null"]},
          "website": {"type": ["string", "null"], "format": "uri"},
          "url": {"type": "string", "format": "uri"}
        }
      }
    },
    "zustaendigkeiten": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["leistung", "gebiet", "behoerde"],
        "additionalProperties": false,
        "properties": {
          "leistung": {"$ref": "#/$defs/slug"},
          "gebiet": {"type": "string", "pattern": "^([0-9]{2}|[0-9]{3}|[0-9]{5}|[0-9]{8}|[0-9]{9})$", "description": "Amtlicher Gemeindeschlüssel (AGS) oder Regionalschlüssel eines Landes, Regierungsbezirks, Kreises, Gemeindeverbands oder einer Gemeinde"},
          "behoerde": {"$ref": "#/$defs/slug"}
        }
      }
    }
  },
  "$defs": {
    "slug": {"type": "string", "pattern": "^[a-z0-9-]{1,80}$"},
    "thema": {
      "type": "object", "required": ["slug", "titel"], "additionalProperties": false,
      "properties": {"slug": {"$ref": "#/$defs/slug"}, "titel": {"type": "string", "minLength": 1}}
    }
  }
}

"""#
}
