//! Words the rules test one by one ("cut", "team", "order", …), numbered at tokenisation.
//!
//! Comparing a token's text with a word costs a slice, boundary checks and a byte loop;
//! the rules do that dozens of times per key result. The lexicon lookup that already
//! happens for every word also returns the word's number here, so a test is one integer
//! compare, and a list of words is one bit test.

macro_rules! named_words {
    ($($name:ident = $text:literal,)*) => {
        /// A word some rule tests by name; [`W::Unnamed`] for every other token.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        #[repr(u8)]
        pub(crate) enum W {
            /// Not a named word.
            #[default]
            Unnamed,
            $(
                #[doc = concat!("`", $text, "` (any ASCII case).")]
                $name,
            )*
        }

        /// Every named word in lowercase, with its number.
        pub(crate) const NAMED: &[(&str, W)] = &[$(($text, W::$name),)*];
    };
}

named_words! {
    A = "a",
    Agencies = "agencies",
    Api = "api",
    Are = "are",
    Be = "be",
    Being = "being",
    Bootcamp = "bootcamp",
    Bt = "bt",
    Budget = "budget",
    Certification = "certification",
    Choice = "choice",
    Close = "close",
    Complete = "complete",
    Contractors = "contractors",
    Count = "count",
    Course = "course",
    Courses = "courses",
    Curriculum = "curriculum",
    Cut = "cut",
    Deliver = "deliver",
    Department = "department",
    Double = "double",
    Doubled = "doubled",
    Doubles = "doubles",
    Few = "few",
    Firmware = "firmware",
    First = "first",
    Flat = "flat",
    Generate = "generate",
    Get = "get",
    Go = "go",
    Half = "half",
    Halve = "halve",
    Halved = "halved",
    Halves = "halves",
    Has = "has",
    Have = "have",
    Headcount = "headcount",
    Hold = "hold",
    In = "in",
    Is = "is",
    K = "k",
    K8s = "k8s",
    Kubernetes = "kubernetes",
    Last = "last",
    Licences = "licences",
    Licenses = "licenses",
    Live = "live",
    Longer = "longer",
    Make = "make",
    Module = "module",
    Never = "never",
    No = "no",
    None = "none",
    Number = "number",
    Off = "off",
    OnTime = "on-time",
    One = "one",
    Or = "or",
    Order = "order",
    Out = "out",
    Over = "over",
    Page = "page",
    Percent = "percent",
    Percentage = "percentage",
    Place = "place",
    Point = "point",
    Points = "points",
    Policy = "policy",
    PrePandemic = "pre-pandemic",
    Previous = "previous",
    Prior = "prior",
    Python = "python",
    Quarter = "quarter",
    Release = "release",
    Report = "report",
    Reports = "reports",
    Schedule = "schedule",
    Sdk = "sdk",
    Sla = "sla",
    Slas = "slas",
    Slo = "slo",
    So = "so",
    Steady = "steady",
    Stop = "stop",
    Stops = "stops",
    Suppliers = "suppliers",
    Target = "target",
    Team = "team",
    Than = "than",
    That = "that",
    Their = "their",
    Time = "time",
    Thrice = "thrice",
    Times = "times",
    Twice = "twice",
    Tolerance = "tolerance",
    Training = "training",
    Triple = "triple",
    Tripled = "tripled",
    Triples = "triples",
    Up = "up",
    V = "v",
    Vendors = "vendors",
    Version = "version",
    Who = "who",
    Will = "will",
    Workforce = "workforce",
    X = "x",
    Zero = "zero",
    N100 = "100",
    Most = "most",
    Mostly = "mostly",
    Majority = "majority",
    Predominantly = "predominantly",
    Primarily = "primarily",
    Online = "online",
    SelfServe = "self-serve",
    SelfService = "self-service",
    Digitally = "digitally",
    InApp = "in-app",
    Not = "not",
    Vs = "vs",
    Versus = "versus",
}

/// A set of named words, one bit each (there are fewer than 128).
pub(crate) type WordSet = u128;

/// The set holding exactly `words`.
pub(crate) const fn set(words: &[W]) -> WordSet {
    let mut s = 0;
    let mut i = 0;
    while i < words.len() {
        s |= bit(words[i]);
        i += 1;
    }
    s
}

/// The set holding only `w`.
#[inline]
pub(crate) const fn bit(w: W) -> WordSet {
    1 << (w as u8 & 127)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_words_fit_a_set_and_are_lowercase() {
        assert!(NAMED.len() < 128);
        for &(text, w) in NAMED {
            assert_eq!(text, text.to_ascii_lowercase());
            assert!(text.len() <= 16, "{text} is too long for a lexicon key");
            assert_eq!(NAMED.iter().filter(|(_, v)| *v == w).count(), 1);
        }
    }
}
