//! Reading JavaScript arguments. Every exported method takes its arguments as `JsValue`s and
//! reads them here, so that a value of the wrong type (a number where an id goes, a `Symbol`, a
//! sparse array, a 100 MB string) is an error naming the parameter and what it expected, never a
//! trap in wasm-bindgen's glue; and sizes are checked before anything is copied into the
//! module's memory.
//!
//! Nothing here calls into JavaScript in a way that can throw past it: a getter that throws or a
//! revoked `Proxy` would unwind through the module and leave the planner borrowed, so that
//! every later call failed. Only `typeof` checks, and imports that catch, touch a value.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use crate::limits::{shown, MAX_DATA_BYTES, MAX_IDS, MAX_ID_CHARS};
use crate::Error;

#[wasm_bindgen]
extern "C" {
    /// `Object.prototype.toString.call(value)`: `"[object Array]"`, `"[object Uint8Array]"`…,
    /// or an error (a revoked `Proxy`) caught here.
    #[wasm_bindgen(catch, js_namespace = ["Object", "prototype", "toString"], js_name = call)]
    fn object_tag(value: &JsValue) -> Result<js_sys::JsString, JsValue>;
}

/// What kind of object `value` is by its built-in tag (`"Array"`, `"Date"`, `"Uint8Array"`),
/// `None` for a value that is not an object or cannot be asked.
fn tag(value: &JsValue) -> Option<String> {
    if !value.is_object() {
        return None;
    }
    let text = String::from(object_tag(value).ok()?);
    text.strip_prefix("[object ")
        .and_then(|t| t.strip_suffix(']'))
        .map(str::to_owned)
}

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
    match tag(value).as_deref() {
        Some("Array") => "an array".into(),
        Some("Date") => "a Date".into(),
        Some("Uint8Array") => "a Uint8Array".into(),
        Some("ArrayBuffer") => "an ArrayBuffer".into(),
        Some(_) => "an object".into(),
        None => "an object that cannot be read".into(),
    }
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
    if tag(value).as_deref() != Some("Array") {
        return Err(wrong(field, value, "an array of id strings"));
    }
    // Read through `Reflect`, which catches: an array may be a `Proxy` or have getters.
    let unreadable = || wrong(field, value, "an array of id strings that can be read");
    let length = js_sys::Reflect::get(value, &"length".into())
        .ok()
        .and_then(|n| n.as_f64())
        .ok_or_else(unreadable)? as usize;
    if length > MAX_IDS {
        return Err(Error::InvalidArgument {
            field,
            value: format!("an array of {length} items"),
            expected: "at most 10,000 ids",
        });
    }
    let mut out = Vec::with_capacity(length);
    for i in 0..length {
        let item = js_sys::Reflect::get_u32(value, i as u32).map_err(|_| unreadable())?;
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
    // A `Proxy` of a typed array is tagged "Object", and `isView` (which runs no code of the
    // value's) rules out a plain object claiming the tag: the casts below are to what it is.
    let array = match tag(value).as_deref() {
        Some("Uint8Array") if js_sys::ArrayBuffer::is_view(value) => {
            value.unchecked_ref::<js_sys::Uint8Array>().clone()
        }
        // A detached buffer (one transferred away) has no bytes, and a view of it would throw.
        Some("ArrayBuffer") if value.unchecked_ref::<js_sys::ArrayBuffer>().byte_length() == 0 => {
            return Ok(Vec::new())
        }
        Some("ArrayBuffer") => js_sys::Uint8Array::new(value),
        _ => return Err(wrong(field, value, "a Uint8Array of the file's bytes")),
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
/// anywhere inside is an error naming its key (JSON would turn `NaN` into `null`: "not set"),
/// and so is an object whose reading throws (a getter, a revoked `Proxy`).
pub fn options<T: serde::de::DeserializeOwned + Default>(
    value: &JsValue,
    field: &'static str,
) -> Result<T, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() || value.is_function() {
        return Err(wrong(
            field,
            value,
            "an object with the documented option fields",
        ));
    }
    // The first value JSON would drop or change silently, with its key.
    type Found = Option<(String, String, &'static str)>;
    let found: std::rc::Rc<std::cell::RefCell<Found>> = Default::default();
    let seen = found.clone();
    let replacer = Closure::<dyn FnMut(JsValue, JsValue) -> JsValue>::new(
        move |key: JsValue, value: JsValue| {
            let bad = match value.as_f64() {
                Some(n) if !n.is_finite() => Some((format!("{n}"), "a finite number")),
                Some(_) => None,
                None if value.is_bigint() || value.is_symbol() || value.is_function() => Some((
                    described(&value),
                    "a number, a string, true or false, a list or an object",
                )),
                None => None,
            };
            match bad {
                Some((what, expected)) => {
                    let mut slot = seen.borrow_mut();
                    if slot.is_none() {
                        *slot = Some((key.as_string().unwrap_or_default(), what, expected));
                    }
                    JsValue::UNDEFINED
                }
                None => value,
            }
        },
    );
    let text = js_sys::JSON::stringify_with_replacer(value, replacer.as_ref().unchecked_ref());
    drop(replacer);
    let first = found.borrow_mut().take();
    if let Some((key, what, expected)) = first {
        let name = if key.is_empty() {
            field.to_owned()
        } else {
            key
        };
        return Err(Error::InvalidOption {
            field: name.clone(),
            path: name,
            message: format!("{what} is not allowed; expected {expected}"),
        });
    }
    let json = text.ok().and_then(|t| t.as_string()).ok_or_else(|| {
        wrong(
            field,
            value,
            "an object that can be read and written as JSON",
        )
    })?;
    if json.starts_with('[') {
        return Err(wrong(
            field,
            value,
            "an object with the documented option fields",
        ));
    }
    crate::api::options_from_json(&json)
}
