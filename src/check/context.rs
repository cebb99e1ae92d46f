use super::CheckMeta;
use crate::config::{Config, ParamValue};
use crate::graph::OrgGraph;
use crate::model::Model;

/// What a check sees: the model, its graph, and the check's parameters.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a, 'm> {
    graph: &'a OrgGraph<'m>,
    config: &'a Config,
    meta: &'a CheckMeta,
}

impl<'a, 'm> Context<'a, 'm> {
    /// A context for running the check described by `meta`.
    pub fn new(graph: &'a OrgGraph<'m>, config: &'a Config, meta: &'a CheckMeta) -> Self {
        Self {
            graph,
            config,
            meta,
        }
    }

    /// The model.
    pub fn model(&self) -> &'a Model {
        self.graph.model()
    }

    /// The model's graph.
    pub fn graph(&self) -> &'a OrgGraph<'m> {
        self.graph
    }

    /// The whole config the checks run under (the `[roles]` job titles,
    /// say); a check's own parameters are read with [`Context::param`].
    pub fn config(&self) -> &'a Config {
        self.config
    }

    /// A parameter's value: the configured one, else the declared default.
    pub fn param(&self, name: &str) -> Option<&'a ParamValue> {
        self.config.param(self.meta.name, name).or_else(|| {
            self.meta
                .params
                .iter()
                .find(|p| p.name == name)
                .map(|p| &p.default)
        })
    }

    /// An integer parameter (`None` when missing or of another type).
    pub fn param_int(&self, name: &str) -> Option<i64> {
        match self.param(name)? {
            ParamValue::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// A list parameter (empty when missing or of another type).
    pub fn param_list(&self, name: &str) -> &'a [String] {
        match self.param(name) {
            Some(ParamValue::List(l)) => l,
            _ => &[],
        }
    }

    /// Every parameter of the check, configured or default, deserialised
    /// into a struct of your own: name its fields as the parameters
    /// (`max_products: usize`). The config was already checked against the
    /// check's declared parameters (unknown keys and wrong types are
    /// errors of [`Linter::with_config`](crate::Linter::with_config)), so
    /// this fails only when the struct does not match the declaration.
    ///
    /// # Errors
    ///
    /// The struct has a field no parameter fills, or of another type.
    pub fn params<T: serde::de::DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        let mut values = serde_json::Map::new();
        for p in self.meta.params {
            let value = self
                .config
                .param(self.meta.name, p.name)
                .unwrap_or(&p.default);
            values.insert(p.name.to_owned(), serde_json::to_value(value)?);
        }
        serde_json::from_value(serde_json::Value::Object(values))
    }
}
