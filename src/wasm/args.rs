//! Reading JavaScript arguments. Every exported method takes its arguments as `JsValue`s and
//! reads them here, so that a value of the wrong type (a number where an id goes, a `Symbol`, a
//! sparse array, a 100 MB string) is an error naming the parameter and what it expected, never a
//! trap in wasm-bindgen's glue; and sizes are checked before anything is copied into the
//! module's memory.

use wasm_bindgen::{JsCast, JsValue};

use crate::limits::{shown, MAX_DATA_BYTES, MAX_IDS, MAX_ID_CHARS};
use crate::Error;

/// What a JS value is, in words, for an error message ("a number (5)", "a Symbol").
pub fn described(value: &JsValue) -> String {
    if value.is_undefined() {
        return "undefined".into();
    }
    if value.is_null() {
        return "null".into();
    }
    if let Some(b) = value.as_bool() {
        return format!("{b}");
    }
    if let Some(n) = value.as_f64() {
        return format!("a number ({n})");
    }
    if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
        return match text.length() as usize {
            n if n > 200 => format!("a string of {n} characters"),
            _ => value
                .as_string()
                .map(|s| shown(&s))
                .unwrap_or_else(|| "a string".into()),
        };
    }
    if value.is_bigint() {
        return "a BigInt".into();
    }
    if value.is_symbol() {
        return "a Symbol".into();
    }
    if value.is_function() {
        return "a function".into();
    }
    if js_sys::Array::is_array(value) {
        return format!("an array of {} items", js_sys::Array::from(value).length());
    }
    if value.is_instance_of::<js_sys::Date>() {
        return "a Date".into();
    }
    if value.is_instance_of::<js_sys::Uint8Array>() {
        return "a Uint8Array".into();
    }
    "an object".into()
}

fn wrong(field: &'static str, value: &JsValue, expected: &'static str) -> Error {
    Error::InvalidArgument {
        field,
        value: described(value),
        expected,
    }
}

/// A string argument of at most `max` characters (UTF-16 code units, as JS counts them),
/// measured before it is copied. Lone surrogates become U+FFFD.
pub fn text(value: &JsValue, field: &'static str, max: usize) -> Result<String, Error> {
    let Some(js) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(wrong(field, value, "a string"));
    };
    let length = js.length() as usize;
    if length > max {
        return Err(Error::InvalidArgument {
            field,
            value: format!("a string of {length} characters"),
            expected: "a shorter string (see the limits in the API docs)",
        });
    }
    Ok(String::from(js))
}

/// An id argument (an occupation, skill or area).
pub fn id(value: &JsValue, field: &'static str) -> Result<String, Error> {
    text(value, field, MAX_ID_CHARS)
}

/// `undefined` or `null` as `None`, else an id.
#[cfg(feature = "area")]
pub fn optional_id(value: &JsValue, field: &'static str) -> Result<Option<String>, Error> {
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else {
        id(value, field).map(Some)
    }
}

/// A number argument (any number: the core checks its range and says so).
pub fn number(value: &JsValue, field: &'static str) -> Result<f64, Error> {
    value
        .as_f64()
        .ok_or_else(|| wrong(field, value, "a number"))
}

/// A list of ids: an array (no holes) of strings.
pub fn ids(value: &JsValue, field: &'static str) -> Result<Vec<String>, Error> {
    if !js_sys::Array::is_array(value) {
        return Err(wrong(field, value, "an array of id strings"));
    }
    let list = js_sys::Array::from(value);
    let length = list.length() as usize;
    if length > MAX_IDS {
        return Err(Error::InvalidArgument {
            field,
            value: format!("an array of {length} items"),
            expected: "at most 10,000 ids",
        });
    }
    let mut out = Vec::with_capacity(length);
    for (i, item) in list.iter().enumerate() {
        let Some(js) = item.dyn_ref::<js_sys::JsString>() else {
            return Err(Error::InvalidArgument {
                field,
                value: format!("{} at item {i}", described(&item)),
                expected: "an array of id strings",
            });
        };
        if js.length() as usize > MAX_ID_CHARS {
            return Err(Error::InvalidArgument {
                field,
                value: format!("a string of {} characters at item {i}", js.length()),
                expected: "ids of at most 1,000 characters",
            });
        }
        out.push(String::from(js));
    }
    Ok(out)
}

/// Bytes: a `Uint8Array` (or an `ArrayBuffer`) of at most [`MAX_DATA_BYTES`].
pub fn bytes(value: &JsValue, field: &'static str) -> Result<Vec<u8>, Error> {
    let array = if let Some(a) = value.dyn_ref::<js_sys::Uint8Array>() {
        a.clone()
    } else if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        js_sys::Uint8Array::new(buffer)
    } else {
        return Err(wrong(field, value, "a Uint8Array of the file's bytes"));
    };
    let length = array.length() as usize;
    if length > MAX_DATA_BYTES {
        return Err(Error::InvalidArgument {
            field,
            value: format!("{length} bytes"),
            expected: "at most 64 MiB",
        });
    }
    Ok(array.to_vec())
}

/// An options object (or `undefined`/`null` for the defaults), read through JSON so that
/// unknown fields are named; a number that is not finite, a BigInt, a Symbol or a function
/// anywhere inside is an error naming its place (JSON would turn `NaN` into `null`: "not set").
pub fn options<T: serde::de::DeserializeOwned + Default>(
    value: &JsValue,
    field: &'static str,
) -> Result<T, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() || value.is_function() || js_sys::Array::is_array(value) {
        return Err(wrong(
            field,
            value,
            "an object with the documented option fields",
        ));
    }
    check_plain(value, field, &mut String::new(), 0)?;
    let json = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| wrong(field, value, "an object that can be written as JSON"))?;
    crate::api::options_from_json(&json)
}

/// How deep an options object may nest (the deepest documented option is three levels down).
const MAX_DEPTH: usize = 8;

/// Fails at the first value inside `value` that JSON would drop or change silently.
fn check_plain(
    value: &JsValue,
    field: &'static str,
    path: &mut String,
    depth: usize,
) -> Result<(), Error> {
    let bad = |what: String, expected: &'static str| Error::InvalidOption {
        // The option's own name: the path's first step.
        field: match path.split(['.', '[']).next() {
            Some(first) if !first.is_empty() => first.to_owned(),
            _ => field.to_owned(),
        },
        path: if path.is_empty() {
            field.to_owned()
        } else {
            path.clone()
        },
        message: format!("{what} is not allowed; expected {expected}"),
    };
    if let Some(n) = value.as_f64() {
        if !n.is_finite() {
            return Err(bad(format!("{n}"), "a finite number"));
        }
        return Ok(());
    }
    if value.is_bigint() || value.is_symbol() || value.is_function() {
        return Err(bad(
            described(value),
            "a number, string, true or false, list or object",
        ));
    }
    if !value.is_object() {
        return Ok(());
    }
    if depth >= MAX_DEPTH {
        return Err(bad(
            "an object nested this deep".into(),
            "the documented option fields",
        ));
    }
    let mark = path.len();
    if js_sys::Array::is_array(value) {
        for (i, item) in js_sys::Array::from(value).iter().enumerate() {
            path.push_str(&format!("[{i}]"));
            check_plain(&item, field, path, depth + 1)?;
            path.truncate(mark);
        }
    } else if !value.is_instance_of::<js_sys::Date>() {
        let object = js_sys::Object::from(value.clone());
        for entry in js_sys::Object::entries(&object).iter() {
            let pair = js_sys::Array::from(&entry);
            let key = pair.get(0).as_string().unwrap_or_default();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&key);
            check_plain(&pair.get(1), field, path, depth + 1)?;
            path.truncate(mark);
        }
    }
    Ok(())
}
