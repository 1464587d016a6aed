//! Where each key path of a JSON text starts: `competency[3].expected.manager` → byte offset, so
//! that diagnostics on a JSON pack carry a line and column as TOML ones do. Run only on text that
//! has already parsed (a second, position-keeping pass is cheaper in the WebAssembly module than a
//! second parser), and only when there is a diagnostic to place.

use super::reader::child;
use super::source::Offsets;

/// A container being walked: an object (its path) or an array (its path and the next index).
enum Frame {
    Object(String),
    Array(String, usize),
}

/// The byte offset of every key (objects) and element (arrays) of `text`, by key path.
pub(crate) fn offsets(text: &str) -> Offsets {
    let bytes = text.as_bytes();
    let mut out = Offsets::default();
    let mut stack: Vec<Frame> = Vec::new();
    // Where the next value's path is; set by a key, or by an array's start or comma.
    let mut pending: Option<String> = None;
    let mut expect_key = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'{' | b'[' => {
                let path = pending.take().unwrap_or_default();
                if b == b'{' {
                    stack.push(Frame::Object(path));
                    expect_key = true;
                } else {
                    let first = format!("{path}[0]");
                    stack.push(Frame::Array(path, 0));
                    pending = Some(first);
                    record_next_value(bytes, i + 1, &mut pending, &mut out);
                }
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                pending = None;
                expect_key = false;
                i += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Object(_)) => expect_key = true,
                    Some(Frame::Array(path, index)) => {
                        *index += 1;
                        pending = Some(format!("{path}[{index}]"));
                        record_next_value(bytes, i + 1, &mut pending, &mut out);
                    }
                    None => {}
                }
                i += 1;
            }
            b'"' => {
                let end = string_end(bytes, i);
                if expect_key && let Some(Frame::Object(path)) = stack.last() {
                    let raw = text.get(i..end).unwrap_or_default();
                    // (Read as a `Value`: a typed read would bring serde's type-error text, and
                    // with it `f64`'s `Display`, 14 KB, into the WebAssembly module.)
                    let key = match serde_json::from_str(raw) {
                        Ok(serde_json::Value::String(key)) => key,
                        _ => String::new(),
                    };
                    let child = child(path, &key);
                    out.insert(child.clone(), i);
                    pending = Some(child);
                    expect_key = false;
                } else {
                    pending = None;
                }
                i = end;
            }
            _ => {
                // `:`, whitespace, and the characters of numbers and literals.
                if !matches!(b, b':' | b' ' | b'\t' | b'\n' | b'\r') {
                    pending = None;
                }
                i += 1;
            }
        }
    }
    out
}

/// Records the offset of the value that starts after `from` (whitespace skipped) under the
/// pending array path.
fn record_next_value(bytes: &[u8], from: usize, pending: &mut Option<String>, out: &mut Offsets) {
    let mut at = from;
    while bytes
        .get(at)
        .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        at += 1;
    }
    if bytes.get(at).is_some_and(|b| *b != b']')
        && let Some(path) = pending.as_ref()
    {
        out.insert(path.clone(), at);
    }
}

/// The offset just past the string that starts at `start` (a `"`).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::offsets;

    #[test]
    fn keys_and_elements_have_their_offsets() {
        let text = "{\n  \"a\": {\"b\": [1, {\"c\": \"x\\\"y\"}, [2]]},\n  \"d\\u0065\": []\n}";
        let map = offsets(text);
        let at = |path: &str| map.get(path).copied();
        assert_eq!(at("a"), text.find("\"a\""));
        assert_eq!(at("a.b"), text.find("\"b\""));
        assert_eq!(at("a.b[0]"), text.find('1'));
        assert_eq!(at("a.b[1]"), text.find("{\"c\""));
        assert_eq!(at("a.b[1].c"), text.find("\"c\""));
        assert_eq!(at("a.b[2]"), text.find("[2]"));
        assert_eq!(at("a.b[2][0]"), text.find('2'));
        // An escaped key is found by its text.
        assert_eq!(at("de"), text.find("\"d\\u"));
        assert_eq!(at("de[0]"), None);
        // Values inside strings are not structure.
        assert_eq!(at("y"), None);
    }
}
