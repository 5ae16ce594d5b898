//! The crate boundaries that keep the domain plain Rust: only the app and
//! the worker may depend, directly or through another crate, on the UI,
//! browser or JavaScript crates. Read from `cargo metadata`, so the test
//! fails the moment a domain crate's dependency graph picks one up.

use std::collections::{BTreeSet, HashMap};
use std::process::Command;

use serde_json::Value;

/// The crates whose normal dependencies must stay free of the web stack.
const DOMAIN: [&str; 4] = [
    "explorer-corpus",
    "explorer-query",
    "explorer-extract",
    "explorer-cli",
];

/// The crates that may use the web stack.
const EDGES: [&str; 2] = ["article-explorer", "explorer-worker"];

/// A crate belongs to the web stack when its name is one of these or starts
/// with one followed by `-` or `_` (`leptos_dom`, `gloo-net`, `wasm-bindgen-futures`).
const WEB_STACK: [&str; 5] = ["leptos", "web-sys", "js-sys", "gloo", "wasm-bindgen"];

fn is_web_stack(name: &str) -> bool {
    WEB_STACK.iter().any(|w| {
        name == *w
            || name
                .strip_prefix(w)
                .is_some_and(|rest| rest.starts_with('-') || rest.starts_with('_'))
    })
}

/// The workspace's resolved graph: package id → (name, ids of its normal
/// dependencies, for any target).
struct Graph {
    nodes: HashMap<String, (String, Vec<String>)>,
}

impl Graph {
    fn read() -> Graph {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let out = Command::new(cargo)
            .args(["metadata", "--format-version", "1", "--offline"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("run cargo metadata");
        assert!(
            out.status.success(),
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let meta: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata is JSON");
        let names: HashMap<&str, &str> = meta["packages"]
            .as_array()
            .expect("packages")
            .iter()
            .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
            .collect();
        let nodes = meta["resolve"]["nodes"]
            .as_array()
            .expect("resolve.nodes")
            .iter()
            .map(|node| {
                let id = node["id"].as_str().unwrap().to_owned();
                let normal = node["deps"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|dep| {
                        dep["dep_kinds"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .any(|k| k["kind"].is_null())
                    })
                    .map(|dep| dep["pkg"].as_str().unwrap().to_owned())
                    .collect();
                (id.clone(), (names[id.as_str()].to_owned(), normal))
            })
            .collect();
        Graph { nodes }
    }

    fn id_of(&self, name: &str) -> &str {
        self.nodes
            .iter()
            .find(|(_, (n, _))| n == name)
            .map(|(id, _)| id.as_str())
            .unwrap_or_else(|| panic!("{name} is a workspace crate"))
    }

    /// Every crate `name` depends on through normal dependencies, each with
    /// the path that reaches it.
    fn reachable(&self, name: &str) -> Vec<(String, String)> {
        let start = self.id_of(name).to_owned();
        let mut seen = BTreeSet::from([start.clone()]);
        let mut queue = vec![(start, name.to_owned())];
        let mut found = Vec::new();
        while let Some((id, path)) = queue.pop() {
            for dep in &self.nodes[&id].1 {
                if seen.insert(dep.clone()) {
                    let dep_name = &self.nodes[dep].0;
                    let dep_path = format!("{path} → {dep_name}");
                    found.push((dep_name.clone(), dep_path.clone()));
                    queue.push((dep.clone(), dep_path));
                }
            }
        }
        found
    }
}

#[test]
fn domain_crates_do_not_depend_on_the_web_stack() {
    let graph = Graph::read();
    let mut faults = Vec::new();
    for name in DOMAIN {
        for (dep, path) in graph.reachable(name) {
            if is_web_stack(&dep) {
                faults.push(path);
            }
        }
    }
    assert!(
        faults.is_empty(),
        "domain crates reach the web stack:\n{}",
        faults.join("\n")
    );
}

#[test]
fn the_check_sees_the_web_stack_where_it_is_allowed() {
    // Without this, a metadata reading that lost the dependency edges would
    // pass the test above for the wrong reason.
    let graph = Graph::read();
    for name in EDGES {
        let deps = graph.reachable(name);
        assert!(
            deps.iter().any(|(dep, _)| dep == "wasm-bindgen"),
            "{name} should depend on wasm-bindgen"
        );
    }
    assert!(graph
        .reachable("article-explorer")
        .iter()
        .any(|(dep, _)| dep == "leptos"));
}

#[test]
fn web_stack_names() {
    for name in [
        "leptos",
        "leptos_dom",
        "web-sys",
        "gloo-net",
        "wasm-bindgen-futures",
        "js-sys",
    ] {
        assert!(is_web_stack(name), "{name}");
    }
    for name in ["serde", "leptosish", "explorer-corpus", "wasm-split"] {
        assert!(!is_web_stack(name), "{name}");
    }
}
