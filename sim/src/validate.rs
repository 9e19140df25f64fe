//! Checks request bodies against Discord's published OpenAPI description
//! (`discord-api-spec/openapi.json`, MIT licence), so a body Discord would reject with
//! "Invalid Form Body" is rejected here too.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::{json, Value};

const SPEC: &str = include_str!("../discord-api-spec/openapi.json");

/// Permission bitfields: the spec types them as integers, Discord (and serenity) use strings.
const BITFIELD_KEYS: [&str; 4] = ["allow", "deny", "permissions", "default_member_permissions"];

pub(crate) struct Validator {
    /// (method, path template split into segments, request body schema)
    operations: Vec<(String, Vec<String>, Value)>,
    components: Value,
    compiled: Mutex<HashMap<usize, Option<Arc<jsonschema::Validator>>>>,
}

impl Validator {
    /// One validator for the whole process: the spec is parsed once.
    pub fn shared() -> Option<Arc<Validator>> {
        static SHARED: OnceLock<Option<Arc<Validator>>> = OnceLock::new();
        SHARED
            .get_or_init(|| Validator::from_spec(SPEC).map(Arc::new))
            .clone()
    }

    fn from_spec(text: &str) -> Option<Validator> {
        let mut spec: Value = serde_json::from_str(text).ok()?;
        accept_string_bitfields(&mut spec);
        // Snowflakes are strings in the spec, but Discord also takes integers, and serenity
        // sends attachment ids (0, 1, …) as integers.
        if let Some(snowflake) = spec.pointer_mut("/components/schemas/SnowflakeType") {
            let original = snowflake.take();
            *snowflake = json!({"anyOf": [original, {"type": "integer", "minimum": 0}]});
        }
        let mut operations = Vec::new();
        for (path, item) in spec["paths"].as_object()? {
            let segments: Vec<String> = path
                .trim_matches('/')
                .split('/')
                .map(str::to_string)
                .collect();
            for (method, op) in item.as_object()? {
                if let Some(schema) = op["requestBody"]["content"]["application/json"].get("schema")
                {
                    operations.push((method.to_uppercase(), segments.clone(), schema.clone()));
                }
            }
        }
        Some(Validator {
            operations,
            components: spec["components"].take(),
            compiled: Mutex::new(HashMap::new()),
        })
    }

    /// The operation whose template matches the path, preferring literal segments
    /// (`messages/@original` over `messages/{message_id}`).
    fn operation(&self, method: &str, path: &str) -> Option<usize> {
        let segs: Vec<&str> = path.trim_matches('/').split('/').collect();
        self.operations
            .iter()
            .enumerate()
            .filter(|(_, (m, t, _))| {
                m == method
                    && t.len() == segs.len()
                    && t.iter()
                        .zip(&segs)
                        .all(|(t, s)| t.starts_with('{') || t == s)
            })
            .max_by_key(|(_, (_, t, _))| t.iter().filter(|t| !t.starts_with('{')).count())
            .map(|(i, _)| i)
    }

    fn compiled(&self, index: usize) -> Option<Arc<jsonschema::Validator>> {
        let mut cache = self.compiled.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .entry(index)
            .or_insert_with(|| {
                let mut root = self.operations[index].2.clone();
                root["components"] = self.components.clone();
                jsonschema::options()
                    .with_draft(jsonschema::Draft::Draft202012)
                    .should_validate_formats(false)
                    .build(&root)
                    .ok()
                    .map(Arc::new)
            })
            .clone()
    }

    /// `None` when the body is acceptable (or the route has no documented body); otherwise
    /// Discord-style error details naming each offending field.
    pub fn check(&self, method: &str, path: &str, body: &Value) -> Option<Value> {
        if body.is_null() {
            return None;
        }
        let index = self.operation(method, path)?;
        let validator = self.compiled(index)?;
        let mut errors = json!({});
        let mut any = false;
        for e in validator.iter_errors(body).take(5) {
            any = true;
            // Discord nests errors by field path: {"data": {"content": {"_errors": [...]}}}.
            let mut node = &mut errors;
            for part in e
                .instance_path()
                .to_string()
                .split('/')
                .filter(|p| !p.is_empty())
            {
                node = node
                    .as_object_mut()
                    .expect("error nodes are objects")
                    .entry(part.to_string())
                    .or_insert_with(|| json!({}));
            }
            let list = node
                .as_object_mut()
                .expect("error nodes are objects")
                .entry("_errors")
                .or_insert_with(|| json!([]));
            list.as_array_mut()
                .expect("_errors is a list")
                .push(json!({"code": "BASE_TYPE_INVALID", "message": e.to_string()}));
        }
        any.then_some(errors)
    }
}

fn accept_string_bitfields(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get_mut("properties") {
                for key in BITFIELD_KEYS {
                    if let Some(schema) = props.get_mut(key) {
                        widen_integer(schema);
                    }
                }
            }
            for child in map.values_mut() {
                accept_string_bitfields(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(accept_string_bitfields),
        _ => {}
    }
}

fn widen_integer(schema: &mut Value) {
    let digits = json!({"type": "string", "pattern": "^[0-9]+$"});
    let original = schema.take();
    *schema = json!({"anyOf": [original, digits]});
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_over_the_schema_limits_is_rejected_and_a_normal_one_passes() {
        let v = Validator::shared().expect("spec loads");
        assert!(v
            .check("POST", "/channels/1/messages", &json!({"content": "hello"}))
            .is_none());
        let too_many_embeds: Vec<Value> = (0..11).map(|_| json!({"title": "x"})).collect();
        assert!(v
            .check(
                "POST",
                "/channels/1/messages",
                &json!({"embeds": too_many_embeds})
            )
            .is_some());
    }

    #[test]
    fn permission_bitfields_may_be_strings_as_serenity_sends_them() {
        let v = Validator::shared().unwrap();
        let body = json!({
            "name": "pair",
            "type": 0,
            "permission_overwrites": [{"id": "1", "type": 0, "allow": "1024", "deny": "0"}],
        });
        assert_eq!(v.check("POST", "/guilds/1/channels", &body), None);
        let bad = json!({"name": "", "type": 0});
        assert!(v.check("POST", "/guilds/1/channels", &bad).is_some());
    }

    #[test]
    fn errors_are_nested_by_field_as_discord_reports_them_and_serenity_reads_them() {
        let v = Validator::shared().unwrap();
        let errors = v
            .check(
                "POST",
                "/guilds/1/channels",
                &json!({"name": "", "type": 0}),
            )
            .unwrap();
        assert!(errors["name"]["_errors"][0]["code"].is_string(), "{errors}");
        let body = json!({"message": "Invalid Form Body", "code": 50035, "errors": errors});
        let parsed: serenity::http::DiscordJsonError = serde_json::from_value(body).unwrap();
        assert_eq!(parsed.errors[0].path, "name");
    }

    #[test]
    fn attachment_ids_may_be_integers_as_serenity_sends_them() {
        let v = Validator::shared().unwrap();
        let body = json!({"type": 4, "data": {
            "content": "file",
            "attachments": [{"id": 0, "filename": "a.json", "description": null}],
        }});
        assert_eq!(v.check("POST", "/interactions/1/tok/callback", &body), None);
        let bad = json!({"type": 4, "data": {"attachments": [{"id": -1}]}});
        assert!(v
            .check("POST", "/interactions/1/tok/callback", &bad)
            .is_some());
    }

    #[test]
    fn literal_path_segments_win_over_placeholders() {
        let v = Validator::shared().unwrap();
        let i = v
            .operation("PATCH", "/webhooks/1/tok/messages/@original")
            .unwrap();
        assert!(v.operations[i].1.iter().any(|s| s == "@original"));
    }
}
