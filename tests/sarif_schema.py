"""The parts of the SARIF 2.1.0 schema that GitHub code scanning reads, as a JSON schema (draft 7).

Property names and types follow sarif-schema-2.1.0.json; objects winact-lint writes are closed
(`additionalProperties: false`) so that a misspelt property fails; limits are GitHub's upload limits.
"""

from __future__ import annotations

_TEXT = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string", "minLength": 1}, "markdown": {"type": "string"}}}
_LEVEL = {"enum": ["none", "note", "warning", "error"]}
_REGION = {
    "type": "object",
    "required": ["startLine"],
    "additionalProperties": False,
    "properties": {name: {"type": "integer", "minimum": 1} for name in ("startLine", "startColumn", "endLine", "endColumn")},
}
_ARTIFACT = {
    "type": "object",
    "required": ["uri"],
    "additionalProperties": False,
    # a relative reference with forward slashes, percent-encoded: what GitHub matches against the checkout
    "properties": {"uri": {"type": "string", "pattern": r"^(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+$"}, "uriBaseId": {"type": "string"}},
}
_LOCATION = {
    "type": "object",
    "required": ["physicalLocation"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "integer", "minimum": -1},
        "physicalLocation": {
            "type": "object",
            "required": ["artifactLocation", "region"],
            "additionalProperties": False,
            "properties": {"artifactLocation": _ARTIFACT, "region": _REGION},
        },
        "message": _TEXT,
    },
}
_RULE = {
    "type": "object",
    "required": ["id", "shortDescription", "fullDescription", "help"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "minLength": 1},
        "name": {"type": "string", "pattern": "^[A-Z][A-Za-z0-9]*$"},
        "shortDescription": _TEXT,
        "fullDescription": _TEXT,
        "help": _TEXT,
        "helpUri": {"type": "string"},
        "defaultConfiguration": {"type": "object", "additionalProperties": False, "properties": {"level": _LEVEL}},
        "properties": {
            "type": "object",
            "properties": {"tags": {"type": "array", "items": {"type": "string"}, "maxItems": 20, "uniqueItems": True}},
        },
    },
}
_RESULT = {
    "type": "object",
    "required": ["ruleId", "message", "locations"],
    "additionalProperties": False,
    "properties": {
        "ruleId": {"type": "string"},
        "ruleIndex": {"type": "integer", "minimum": 0},
        "level": _LEVEL,
        "message": _TEXT,
        "locations": {"type": "array", "minItems": 1, "maxItems": 1000, "items": _LOCATION},
        "relatedLocations": {"type": "array", "maxItems": 1000, "uniqueItems": True, "items": _LOCATION},
        "partialFingerprints": {"type": "object", "minProperties": 1, "additionalProperties": {"type": "string", "minLength": 1}},
    },
}
_DRIVER = {
    "type": "object",
    "required": ["name", "rules"],
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "version": {"type": "string"},
        "semanticVersion": {"type": "string"},
        "rules": {"type": "array", "maxItems": 25000, "items": _RULE},
    },
}
SARIF_SUBSET = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "$schema": {"const": "https://json.schemastore.org/sarif-2.1.0.json"},
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "maxItems": 20,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {"type": "object", "required": ["driver"], "properties": {"driver": _DRIVER}},
                    "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                    "results": {"type": "array", "maxItems": 25000, "items": _RESULT},
                },
            },
        },
    },
}
