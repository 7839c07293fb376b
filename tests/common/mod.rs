//! What more than one integration test needs.

use serde_json::Value;

/// `json` with the value at `path` (object keys and array indexes) replaced by `value`.
pub fn replaced(json: &Value, path: &[&str], value: Value) -> Value {
    let mut out = json.clone();
    let mut at = &mut out;
    for key in path {
        at = match key.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => &mut at[*key],
        };
    }
    *at = value;
    out
}
