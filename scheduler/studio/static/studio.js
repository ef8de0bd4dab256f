// juno-scheduler studio: small enhancements over plain forms (everything works without this file).
// Loaded from the studio itself (CSP script-src 'self'); no inline script, no eval, no framework.
"use strict";

(function () {
  const debounce = (fn, ms) => {
    let timer = null;
    return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
  };

  // --- live card and X count while typing -----------------------------------------------------
  document.querySelectorAll("form.edit[data-preview]").forEach((form) => {
    const tip = form.closest("[data-tip]");
    const card = tip.querySelector("[data-card]");
    const problem = tip.querySelector("[data-card-problem]");
    const count = form.querySelector("[data-count]");
    const headline = form.querySelector("[data-headline]");
    const text = form.querySelector("[data-text]");
    let asked = 0;
    const refresh = debounce(async () => {
      const mine = ++asked;
      const url = new URL(form.dataset.preview, window.location.origin);
      url.searchParams.set("headline", headline.value);
      url.searchParams.set("text", text.value);
      try {
        const answer = await fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } });
        if (!answer.ok || mine !== asked) return;
        const data = await answer.json();
        count.textContent = `${data.length} / ${data.limit}`;
        count.classList.toggle("over", data.length > data.limit);
        problem.textContent = data.error || "";
        if (data.card) {
          card.src = data.card;
          card.dataset.fresh = String(mine);
        }
      } catch (_) { /* the studio stopped; the Save button still says what happened */ }
    }, 200);
    headline.addEventListener("input", refresh);
    text.addEventListener("input", refresh);
  });

  // --- keyboard: j/k move between tips, e edit, a approve, s skip, u undo ----------------------
  const tips = Array.from(document.querySelectorAll("[data-tip]"));
  let current = -1;
  const focusTip = (index) => {
    if (!tips.length) return;
    current = Math.max(0, Math.min(tips.length - 1, index));
    tips[current].focus();
    tips[current].scrollIntoView({ block: "start" });
  };
  const currentTip = () => {
    const inside = document.activeElement && document.activeElement.closest("[data-tip]");
    if (inside) current = tips.indexOf(inside);
    return current >= 0 ? tips[current] : null;
  };
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) {
      if (event.key === "Escape") { target.blur(); const tip = currentTip(); if (tip) tip.focus(); }
      return;
    }
    const tip = currentTip();
    switch (event.key) {
      case "j": focusTip(current + 1); break;
      case "k": focusTip(current - 1); break;
      case "e": if (tip) { tip.querySelector("[data-headline]").focus(); } else return; break;
      case "a": if (tip) { approve(tip); } else return; break;
      case "s": if (tip && tip.querySelector("[data-skip]")) { tip.querySelector("[data-skip]").click(); } else return; break;
      case "u": { const undo = document.getElementById("undo-form"); if (undo) undo.requestSubmit(); } break;
      default: return;
    }
    event.preventDefault();
  });
  const approve = (tip) => {
    const unchecked = tip.querySelector(".acknowledge input[type=checkbox]:not(:checked)");
    if (unchecked) { unchecked.focus(); return; }  // a flag must be acknowledged first, by a person
    const button = tip.querySelector("[data-approve]");
    if (button) button.click();
  };
  if (window.location.hash.startsWith("#tip-")) {
    const tip = document.getElementById(window.location.hash.slice(1));
    if (tip) current = tips.indexOf(tip);
  }

  // --- select words of the article to make them a tip -----------------------------------------
  const selectionForm = document.getElementById("selection-form");
  const article = document.querySelector(".article");
  if (selectionForm && article) {
    document.addEventListener("selectionchange", debounce(() => {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed) return;
      const node = selection.anchorNode && (selection.anchorNode.nodeType === 1 ? selection.anchorNode : selection.anchorNode.parentElement);
      const block = node && node.closest(".article [data-paragraph]");
      if (!block) return;
      const words = selection.toString().trim();
      if (!words) return;
      selectionForm.querySelector("textarea[name=text]").value = words;
      selectionForm.querySelector("input[name=paragraph]").value = block.dataset.paragraph;
    }, 150));
  }

  // --- calendar: drag a post onto another day (the Move form does the same by keyboard) --------
  document.querySelectorAll(".calendar .post[draggable=true]").forEach((post) => {
    post.addEventListener("dragstart", (event) => {
      event.dataTransfer.setData("text/plain", post.dataset.post);
      event.dataTransfer.effectAllowed = "move";
    });
  });
  document.querySelectorAll(".calendar .day").forEach((day) => {
    day.addEventListener("dragover", (event) => { event.preventDefault(); day.classList.add("drop"); });
    day.addEventListener("dragleave", () => day.classList.remove("drop"));
    day.addEventListener("drop", (event) => {
      event.preventDefault();
      day.classList.remove("drop");
      const id = event.dataTransfer.getData("text/plain");
      const post = Array.from(document.querySelectorAll(".calendar .post")).find((p) => p.dataset.post === id);
      if (!post) return;
      const form = post.querySelector("form[data-move]");
      form.querySelector("input[name=at]").value = `${day.dataset.day}T${post.dataset.time}`;
      form.requestSubmit();
    });
  });
})();
