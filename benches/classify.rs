//! Throughput of `goal_style::classify` (and of `measurability`, which the
//! `unmeasurable-key-result` check runs on every key result) over a fixed set of
//! hand-written key results.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use opmodel::goal_style::{classify, measurability};
use std::hint::black_box;

const KRS: &[&str] = &[
    "Launch the redesigned onboarding flow by August",
    "Increase week-1 retention from 31% to 38%",
    "Hire 5 senior backend engineers by Q2",
    "Reduce p95 checkout latency to under 300 ms",
    "Migrate all services to the new Kubernetes cluster",
    "Customers can download invoices as PDF",
    "Trial users invite a teammate within 3 days",
    "Publish 12 blog posts about workflow automation",
    "NPS above 50 in the enterprise segment",
    "Cut cloud spend per customer by 20%",
    "Roll out SSO to every enterprise tenant",
    "Support tickets answered within 2 hours, 90% of the time",
    "Complete the SOC 2 Type II audit",
    "Monthly active users grow to 250k",
    "Ship dark mode to iOS and Android",
    "Churn below 2% per month",
    "Run 20 customer discovery interviews",
    "Self-serve revenue reaches 40% of new ARR",
    "Build a pricing calculator for the sales team",
    "No sev-1 incident lasts longer than 30 minutes",
    "Write the incident response runbook",
    "Double the share of orders placed on mobile",
    "Agent installed on 100% of laptops",
    "Refunds processed within 5 days for 98% of orders",
    "Deliver the annual plan by November 15",
    "Gross margin at or above 65%",
    "Launch a referral program to lift sign-ups by 15%",
    "Lift sign-ups by 15% through a referral program",
    "Customers book appointments online instead of by phone",
    "Increase the number of integrations to 40",
    "Time to first value under 7 days for new accounts",
    "Redesign the settings page",
    "Crash-free sessions at 99.9% or better",
    "Host 4 community meetups this half",
    "Conversion from trial to paid from 8% to 11%",
    "Upgrade all databases to Postgres 16",
    "Developers stop waiting for CI runners at peak",
    "Achieve ISO 27001 certification",
    "Achieve 99.95% availability for the public API",
    "Train all store managers on the new rota tool",
    "Average order value up €4",
    "Sunset the legacy admin console by 30 June",
    "Forecast accuracy within 5% for two quarters",
    "Move payroll to the new provider",
    "Employees rate onboarding 4.5/5 or higher",
    "Introduce annual billing for the Team plan",
    "Deploys per engineer per week from 2 to 5",
    "Every team has a documented on-call rotation",
    "Cost per lead on LinkedIn below $150",
    "d30 ret 22%→27%",
];

fn bench_classify(c: &mut Criterion) {
    let mut group = c.benchmark_group("goal_style");
    group.throughput(Throughput::Elements(KRS.len() as u64));
    group.bench_function("classify_50_krs", |b| {
        b.iter(|| {
            for kr in KRS {
                black_box(classify(black_box(kr)));
            }
        });
    });
    group.finish();
}

fn bench_measurability(c: &mut Criterion) {
    let mut group = c.benchmark_group("goal_style");
    group.throughput(Throughput::Elements(KRS.len() as u64));
    group.bench_function("measurability_50_krs", |b| {
        b.iter(|| {
            for kr in KRS {
                black_box(measurability(black_box(kr)));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench_classify, bench_measurability);
criterion_main!(benches);
