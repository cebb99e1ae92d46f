//! `project-funded-product`: a product funded as a project.

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::model::{EntityKind, EntityRef, Funding};

declare_check! {
    /// ### What it finds
    /// A product whose `funding` is `project`: a temporary budget for a
    /// scoped piece of work, where a product needs a long-lived one.
    ///
    /// ### Why it matters
    /// Project funding ends when the scope is delivered, so the team that
    /// built the product is disbanded just as customers start using it.
    /// Nobody is left to learn from use, fix what hurts or move the outcome;
    /// the next change needs a new business case and a new team. Funding a
    /// product (and its team) for as long as it lives is what lets a team be
    /// accountable for outcomes instead of for delivery dates.
    ///
    /// ### Example
    /// ```yaml
    /// products:
    ///   - id: podcast-migration
    ///     funding: project
    /// ```
    ///
    /// ### Fix
    /// Fund the product, not the project, and give it an owner and an outcome:
    /// ```yaml
    /// products:
    ///   - id: podcasts
    ///     funding: product
    ///     owner: podcast-squad
    ///     outcomes: [listening-time]
    /// ```
    /// If it really is a one-off piece of work (a migration that ends), it is
    /// not a product: model it as an objective of the team that owns the
    /// product it changes.
    pub struct ProjectFundedProduct;
    name: "project-funded-product",
    category: GoalStyle,
    level: Warn,
    summary: "a product funded as a project (`funding: project`)",
    params: [],
}

impl Check for ProjectFundedProduct {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        for p in &cx.model().products {
            if p.funding != Some(Funding::Project) {
                continue;
            }
            let d = Diagnostic::new(
                META.name,
                EntityRef::new(EntityKind::Product, &p.id),
                format!("product `{}` is funded as a project", p.id),
            )
            .with_help(
                "fund it as a product (`funding: product`) so its team stays with it after launch, or model the one-off work as an objective of the team that owns the product it changes",
            )
            .at(p.location);
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    #[test]
    fn triggers() {
        let yaml = "products:\n  - id: podcasts\n    funding: project\n  - id: radio\n    funding: product\n";
        assert_triggers("project-funded-product", yaml, &["podcasts"]);
        let found = findings("project-funded-product", yaml);
        assert_eq!(
            found[0].message,
            "product `podcasts` is funded as a project"
        );
        assert_eq!(found[0].location.map(|l| l.line), Some(2));
    }

    #[test]
    fn passes() {
        assert_passes(
            "project-funded-product",
            "products:\n  - id: radio\n    funding: product\n",
        );
        // No funding given is not project funding.
        assert_passes("project-funded-product", "products:\n  - id: radio\n");
        // A typo in funding is invalid-entity, not a project.
        assert_passes(
            "project-funded-product",
            "products:\n  - id: radio\n    funding: projetc\n",
        );
    }
}
