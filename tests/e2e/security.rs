//! A corpus whose every string holds markup and script URLs: the page shows
//! it as text, runs none of it, and the Content-Security-Policy (with Trusted
//! Types where the engine has them) reports no violation.

use fantoccini::Client;

use crate::support::{click, ensure, eval, open, server, wait_for_text, Check};

const HOSTILE: &str = "/?corpus=fixtures/hostile/corpus.json";

/// What the hostile strings could have done, read from the page.
const DAMAGE: &str = r#"
    const onAttributes = [...document.querySelectorAll('*')].filter(
        e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on')));
    return {
        pwned: window.__pwned === undefined ? null : String(window.__pwned),
        injected: document.querySelectorAll('main script, main img, main iframe, main svg[onload], main b').length,
        handlers: onAttributes.length,
        scriptLinks: [...document.querySelectorAll('a[href]')]
            .filter(a => !/^(https?:|blob:|#|\?)/.test(a.getAttribute('href'))).length,
        violations: document.documentElement.dataset.cspViolations ?? 'missing',
    };
"#;

pub async fn no_damage(client: &Client, step: &str) -> Check {
    let damage = eval(client, DAMAGE).await?;
    ensure(
        damage["pwned"].is_null()
            && damage["injected"] == 0
            && damage["handlers"] == 0
            && damage["scriptLinks"] == 0
            && damage["violations"] == "0",
        || format!("after {step}: {damage}"),
    )
}

pub async fn hostile_corpus(client: &Client) -> Check {
    open(client, &server().url(HOSTILE)).await?;
    // The title renders as the literal text, tags and all.
    wait_for_text(client, ".article-list li h3", |t| {
        t.contains("<script>window.__pwned=\"script\"</script>") && t.contains("<img src=x")
    })
    .await?;
    no_damage(client, "loading").await?;
    click(client, "//ol//button[contains(@class, 'event-button')]").await?;
    wait_for_text(client, ".event-detail", |t| t.contains("Claim <img src=x")).await?;
    no_damage(client, "opening the event").await?;
    click(client, "//ul[contains(@class, 'evidence-list')]//button").await?;
    wait_for_text(client, ".article-text", |t| {
        t.contains("<svg onload=") && t.contains("<b>bold</b> &amp;")
    })
    .await?;
    no_damage(client, "following the evidence").await?;
    // The article's javascript: URL is shown, never linked.
    wait_for_text(client, ".reader .article-url", |t| {
        t.starts_with("javascript:")
    })
    .await?;
    click(client, "//button[@role='tab' and text()='Entities']").await?;
    click(client, "(//table//button)[1]").await?;
    wait_for_text(client, "#entity-title", |t| !t.is_empty()).await?;
    no_damage(client, "opening an entity page").await?;
    // The policy is live: where the engine enforces Trusted Types, a string
    // written to innerHTML is refused.
    let enforced = eval(
        client,
        r#"if (!window.trustedTypes) return 'no trusted types';
           try { document.createElement('div').innerHTML = '<i>x</i>'; return 'accepted'; }
           catch (e) { return 'refused'; }"#,
    )
    .await?;
    ensure(enforced != "accepted", || {
        "a string was written to innerHTML despite Trusted Types".to_string()
    })
}
