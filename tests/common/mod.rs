//! Fixtures shared by integration tests.
#![expect(clippy::unwrap_used, reason = "test fixtures should fail loudly")]

use serde_json::{Value, json};

/// The test pack (`conformance/packs/mini.json`) as JSON.
pub fn mini() -> Value {
    serde_json::from_str(include_str!("../conformance/packs/mini.json")).unwrap()
}

/// Adds to a copy of the test pack a second scale (`attributes`: emerging, evident) and a
/// competency rated on it (`c.integrity`, the sixth).
pub fn two_scales(pack: &mut Value) {
    let default = pack["scale"].clone();
    pack["scale"] = json!([default, {
        "id": "attributes", "name": { "en": "Attributes", "fr": "Qualités" },
        "level": [
            { "id": "emerging", "name": { "en": "Emerging", "fr": "En émergence" } },
            { "id": "evident", "name": { "en": "Evident", "fr": "Manifeste" } }
        ]
    }]);
    pack["competency"].as_array_mut().unwrap().push(json!({
        "id": "c.integrity", "outcome": "o.people", "scale": "attributes",
        "name": { "en": "Integrity", "fr": "Intégrité" },
        "description": { "en": "Acts with integrity.", "fr": "Agit avec intégrité." },
        "expected": { "staff": "emerging", "lead": "evident" }
    }));
}
