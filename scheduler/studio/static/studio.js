// juno-scheduler studio: small enhancements over plain forms (everything works without this file).
// Loaded from the studio itself (CSP script-src 'self'); no inline script, no eval, no framework.
"use strict";

(function () {
  // A page answered to a change (a refused Save, a conflict) names the address it stands for: the address bar
  // shows that one, so Back and reload ask for a page, not the change's address (which takes only a POST).
  const address = document.body.dataset.address;
  if (address) window.history.replaceState(null, "", address + window.location.hash);

  // a row of buttons, each [type, label]: the row and the buttons in order
  const buttonRow = (...specs) => {
    const row = document.createElement("p");
    row.className = "buttons";
    const made = specs.map(([type, label]) => {
      const button = document.createElement("button");
      button.type = type;
      button.textContent = label;
      return button;
    });
    row.append(...made);
    return [row, ...made];
  };

  const debounce = (fn, ms) => {
    let timer = null;
    return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
  };

  // --- live card and counts while typing: the headline counted here at once, each network's post by the studio --
  const headlineLength = (value) => Array.from(value.trim().split(/\s+/).join(" ")).length;  // code points, as saved
  const showHeadline = (tip, headline) => {
    const count = tip.querySelector("[data-headline-count]");
    if (!count) return false;
    const limit = Number(count.dataset.limit);
    const length = headlineLength(headline.value);
    const over = length > limit;
    count.textContent = `${length} / ${limit}`;
    count.classList.toggle("over", over);
    const box = tip.querySelector("[data-card-box]");
    if (box) {
      box.classList.toggle("over", over);
      box.querySelector("[data-card-over]").hidden = !over;
      box.querySelector("[data-card-over-count]").textContent = `${length} / ${limit}`;
    }
    return over;
  };
  const showNetworks = (tip, networks) => {
    (networks || []).forEach((net) => {
      tip.querySelectorAll(`[data-net-count="${net.network}"]`).forEach((count) => {
        count.textContent = `${net.length} / ${net.limit}`;
        count.classList.toggle("over", !net.fits);
      });
      const text = tip.querySelector(`[data-net-text="${net.network}"]`);
      if (text) {  // the words as the network shows them: its links and hashtags marked as it marks them
        text.replaceChildren(...(net.pieces || []).map((piece) => {
          if (piece.kind === "text") return document.createTextNode(piece.shown);
          const span = document.createElement("span");
          span.className = piece.kind === "link" ? "post-link" : "post-tag";
          if (piece.kind === "link") span.dataset.href = piece.value;
          span.textContent = piece.shown;
          return span;
        }));
      }
      const links = tip.querySelector(`[data-net-links="${net.network}"]`);
      if (links) {
        const name = links.closest("details").querySelector("summary strong").textContent;
        links.textContent = (net.pieces || []).filter((p) => p.kind === "link" && p.shown !== p.value)
          .map((p) => `${name} shows the link shortened; it goes to ${p.value}`).join(" ");
      }
      const left = tip.querySelector(`[data-net-left="${net.network}"]`);
      if (left) {
        const name = left.dataset.name;
        left.textContent = net.fits ? `${net.left} left of ${name}'s ${net.limit}` : `${-net.left} over ${name}'s ${net.limit}`;
        left.classList.toggle("over", !net.fits);
      }
      const marks = tip.querySelector(`[data-net-warnings="${net.network}"]`);
      if (marks) {
        marks.replaceChildren(...net.warnings.map((label) => {
          const badge = document.createElement("span");
          badge.className = "badge flag";
          badge.textContent = label;
          return badge;
        }));
      }
      const details = tip.querySelector(`details[data-network="${net.network}"]`);
      if (details) {
        details.classList.toggle("over", !net.fits);
        if (!net.fits) details.open = true;  // a post too long on a network opens, so it is seen
      }
    });
  };
  // a network's card is asked for once its post is open and near the screen (a closed one asks for nothing)
  const netCards = document.querySelectorAll("img.net-card[data-src]");
  if (netCards.length && "IntersectionObserver" in window) {
    const near = new IntersectionObserver((entries) => entries.forEach((entry) => {
      if (!entry.isIntersecting) return;
      near.unobserve(entry.target);
      if (!entry.target.dataset.src) return;  // asked for already
      entry.target.src = entry.target.dataset.src;
      entry.target.removeAttribute("data-src");
      near.unobserve(entry.target);
    }), { rootMargin: "300px" });
    netCards.forEach((img) => near.observe(img));
  }
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
      form.querySelectorAll("[data-own-text]").forEach((own) => url.searchParams.set(own.name, own.value));
      try {
        const answer = await fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } });
        if (!answer.ok || mine !== asked) return;
        const data = await answer.json();
        if (count) {
          count.textContent = `${data.length} / ${data.limit}`;
          count.classList.toggle("over", data.length > data.limit);
        }
        showNetworks(tip, data.networks);
        problem.textContent = data.error || "";
        if (data.card) {
          card.src = data.card;
          card.dataset.fresh = String(mine);
        }
      } catch (_) { /* the studio stopped; the Save button still says what happened */ }
    }, 200);
    headline.addEventListener("input", () => { showHeadline(tip, headline); refresh(); });
    text.addEventListener("input", refresh);
    form.querySelectorAll("[data-own-text]").forEach((own) => own.addEventListener("input", refresh));
    form.jpreview = () => { showHeadline(tip, headline); refresh(); };
  });

  // --- never lose typing: each field's unsaved words are kept in this tab until the studio has saved them ----
  // A field is "dirty" when its words differ from what the page showed (data-was). Its words are kept in
  // sessionStorage, so a Save on another tip (which reloads the page) or a reload brings them back; leaving
  // or reloading with dirty fields asks first. A Save marks its tip's kept words as sent; they are forgotten only
  // when a page shows the file changed by that Save (a Save that never reached the studio, or was refused, leaves
  // them kept: Back or a reload brings them back). Words kept against the file's older words, when the file
  // changed meanwhile (an Undo, an editor, another tab), are never dropped silently: they come back in the field
  // with the file's words beside them, and the person chooses (Save puts hers in place; "Use the file's" drops hers).
  const store = window.sessionStorage;
  const draftKey = (field) => `juno-draft:${field.form.getAttribute("action").split("#")[0]}:${field.name}`;
  const sameWords = (a, b) => a.trim().split(/\s+/).join(" ") === b.trim().split(/\s+/).join(" ");
  let submitting = null;
  const markDirty = (form) => {
    const dirty = Array.from(form.querySelectorAll("textarea[data-was]")).some((f) => f.value !== f.dataset.was);
    const tip = form.closest("[data-tip]");
    if (tip) tip.classList.toggle("dirty", dirty);
    const note = form.querySelector("[data-unsaved]");
    if (note) note.hidden = !dirty;
    return dirty;
  };
  const fieldName = (field) => {
    const label = field.id && document.querySelector(`label[for="${field.id}"]`);
    return label ? label.textContent.trim().replace(/\s+/g, " ") : field.name;
  };
  const offerChoice = (field, kept) => {  // the file's words changed under words she typed: both shown, she picks
    const form = field.form;
    const box = document.createElement("div");
    box.className = "draft-choice";
    box.setAttribute("role", "alert");
    box.dataset.draftChoice = field.name;
    const said = document.createElement("p");
    said.textContent = `${fieldName(field)}: your words below are not saved. The file's words changed since you ` +
      "typed them (an Undo, an editor or another tab); the file now says:";
    const theirs = document.createElement("blockquote");
    theirs.className = "theirs";
    theirs.textContent = field.dataset.was || "(nothing)";
    const [buttons, mine, file] = buttonRow(["submit", "Save mine"], ["button", "Use the file's"]);
    box.append(said, theirs, buttons);
    field.insertAdjacentElement("afterend", box);
    field.value = kept.value;  // kept against the file's words now, still marked as a choice to make
    store.setItem(draftKey(field), JSON.stringify({ was: field.dataset.was, value: kept.value, choice: true }));
    file.addEventListener("click", () => {
      field.value = field.dataset.was;
      store.removeItem(draftKey(field));
      box.remove();
      markDirty(form);
      if (form.jpreview) form.jpreview();
    });
    if (form.jpreview) form.jpreview();
  };
  document.querySelectorAll("form.edit textarea[data-was]").forEach((field) => {
    const form = field.form;
    let kept = null;
    try { kept = JSON.parse(store.getItem(draftKey(field)) || "null"); } catch (_) { kept = null; }
    const typedByServer = field.value !== field.dataset.was;  // a refused save answers with the words typed
    if (typedByServer && form.jpreview) form.jpreview();  // its counts and previews for those words, not the saved
    if (kept && typeof kept.value === "string" && typeof kept.was === "string") {
      if (kept.was === field.dataset.was && kept.choice && kept.value !== field.value) {
        offerChoice(field, kept);  // a choice not made yet (a reload, another tip's Save): offered again
      } else if (kept.was === field.dataset.was) {  // the file as she typed against: her words come back
        if (kept.value !== field.value && (!typedByServer || !kept.sent)) {
          field.value = kept.value;  // typed before the reload (or a Save that did not get through), not saved
          if (form.jpreview) form.jpreview();
        }
        if (kept.sent) store.setItem(draftKey(field), JSON.stringify({ was: kept.was, value: kept.value }));
      } else if (sameWords(kept.value, field.dataset.was)) {
        store.removeItem(draftKey(field));  // saved (or the same words put there elsewhere): the file holds them
      } else if (!typedByServer) {
        offerChoice(field, kept);  // the file changed under words not saved: never thrown away unasked
      }
    }
    field.addEventListener("input", () => {
      if (field.value === field.dataset.was) store.removeItem(draftKey(field));
      else {
        const choosing = form.querySelector(`[data-draft-choice="${field.name}"]`);
        store.setItem(draftKey(field), JSON.stringify({ was: field.dataset.was, value: field.value,
          choice: choosing ? true : undefined }));
      }
      markDirty(form);
    });
    markDirty(form);
  });
  document.querySelectorAll("form").forEach((form) => {
    form.addEventListener("submit", () => {
      submitting = form;
      if (form.classList.contains("edit")) {  // kept until a page shows them saved (a failed Save loses nothing)
        form.querySelectorAll("textarea[data-was]").forEach((field) => {
          if (field.value === field.dataset.was) store.removeItem(draftKey(field));
          else store.setItem(draftKey(field), JSON.stringify({ was: field.dataset.was, value: field.value, sent: true }));
        });
      }
    });
  });
  // the words a refused change was answered with are kept at this page's address (`?kept=`): not at risk
  const keptHere = new URLSearchParams(window.location.search).has("kept");
  const unsaved = () => Array.from(document.querySelectorAll("form.edit")).filter(
    (form) => form !== submitting && Array.from(form.querySelectorAll("textarea[data-was]")).some(
      (f) => f.value !== f.dataset.was && !(keptHere && f.value === f.defaultValue)));
  window.addEventListener("beforeunload", (event) => {
    if (submitting && submitting.method === "post") return;  // kept in this tab; it comes back after the save
    if (unsaved().length) {
      event.preventDefault();
      event.returnValue = "";  // the browser asks: leave with words not saved?
    }
  });

  // --- feedback in sight: a refusal beside its field, the message, a new tip ------------------------
  const invalid = document.querySelector("[aria-invalid=true]");
  const banner = document.querySelector(".said");
  const showFeedback = () => {  // after the browser's own jump to the #tip- anchor, which focuses the tip
    if (invalid) {
      invalid.scrollIntoView({ block: "center" });
      invalid.focus({ preventScroll: true });
    } else if (banner && banner.classList.contains("refused")) {
      banner.focus();
    } else if (window.location.hash.startsWith("#tip-") && banner) {
      const fresh = document.getElementById(window.location.hash.slice(1));
      if (fresh) fresh.classList.add("fresh");
    }
  };
  const short = document.querySelector("[data-said-open]");
  if (short && banner) short.addEventListener("click", () => banner.focus());  // a tap: the whole message
  const hide = document.querySelector("[data-said-close]");
  if (hide) hide.addEventListener("click", () => {  // the message read, out of the way (the page stays)
    hide.parentElement.replaceChildren();
  });
  if (document.readyState === "complete") showFeedback();
  else window.addEventListener("load", () => requestAnimationFrame(showFeedback));

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
      case "u": confirmUndo(); break;
      default: return;
    }
    event.preventDefault();
  });
  // `u` says what it will undo, then waits for Enter (or the button); Escape or "Keep it" cancels
  const confirmUndo = () => {
    const undo = document.getElementById("undo-form");
    if (!undo || !undo.dataset.undo || document.querySelector(".confirm-undo")) return;
    const box = document.createElement("div");
    box.className = "confirm-undo";
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-label", "Confirm undo");
    const question = document.createElement("p");
    question.textContent = undo.dataset.undo;
    const [buttons, yes, no] = buttonRow(["button", "Undo it"], ["button", "Keep it"]);
    box.append(question, buttons);
    document.body.append(box);
    const close = () => box.remove();
    yes.addEventListener("click", () => { close(); undo.requestSubmit(); });
    no.addEventListener("click", close);
    box.addEventListener("keydown", (event) => { if (event.key === "Escape") { event.preventDefault(); close(); } });
    yes.focus();
  };
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

  // --- queue: "Tick all shown" for the posts or drafts listed (without script, tick them one by one) ------
  document.querySelectorAll("[data-tick-all]").forEach((all) => {
    const boxes = () => Array.from(document.querySelectorAll(`input.tick[name=${all.dataset.tickAll}]`));
    all.closest("label").hidden = false;
    all.addEventListener("change", () => boxes().forEach((box) => { box.checked = all.checked; }));
    boxes().forEach((box) => box.addEventListener("change", () => {
      all.checked = boxes().every((b) => b.checked);
    }));
  });

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
