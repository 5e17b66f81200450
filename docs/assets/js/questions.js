/* Path to PM: the interview question bank. Plain ES2020.
 * Without JavaScript the page is a complete set of tables. With it: a type
 * filter, and a practice card that shows one random question at a time with
 * its answer guide hidden until asked. Only our own page's nodes are cloned;
 * nothing is parsed as HTML. */
(() => {
  "use strict";

  function setup() {
    const practice = document.querySelector("[data-ptp-practice]");
    if (!practice || practice.dataset.ready) return;
    practice.dataset.ready = "1";
    const headings = Array.from(document.querySelectorAll("h2[data-qtype]"));
    const regions = Array.from(document.querySelectorAll("div[data-qtype]"));
    const rows = () => regions.filter((r) => !r.hidden).flatMap((r) => Array.from(r.querySelectorAll("tbody tr")));

    const label = document.createElement("label");
    const select = document.createElement("select");
    select.id = "ptp-question-type";
    label.htmlFor = select.id;
    label.textContent = "Type";
    select.add(new Option("All types", ""));
    for (const h of headings) select.add(new Option(h.dataset.qname, h.dataset.qtype));
    const controls = practice.querySelector(".ptp-practice__controls");
    const wrap = document.createElement("span");
    wrap.className = "ptp-practice__type";
    wrap.append(label, select);
    controls.prepend(wrap);
    select.addEventListener("change", () => {
      for (const el of [...headings, ...regions]) el.hidden = Boolean(select.value) && el.dataset.qtype !== select.value;
    });

    const card = practice.querySelector("[data-ptp-card]");
    let last = null;
    practice.querySelector("[data-ptp-next]").addEventListener("click", () => {
      const pool = rows().filter((r) => r !== last || rows().length === 1);
      if (!pool.length) return;
      const row = pool[Math.floor(Math.random() * pool.length)];
      last = row;
      card.textContent = "";
      const q = document.createElement("p");
      q.className = "ptp-practice__question";
      q.textContent = row.querySelector(".ptp-q").textContent;
      const reveal = document.createElement("button");
      reveal.type = "button";
      reveal.className = "md-button";
      reveal.textContent = "Show what a strong answer covers";
      reveal.setAttribute("aria-expanded", "false");
      const guide = row.querySelector(".ptp-covers").cloneNode(true);
      guide.hidden = true;
      guide.id = "ptp-practice-guide";
      guide.tabIndex = -1; // takes focus when the button that showed it disappears
      guide.setAttribute("aria-label", "What a strong answer covers");
      reveal.setAttribute("aria-controls", guide.id);
      const lesson = row.querySelector("a").cloneNode(true);
      const learn = document.createElement("p");
      learn.hidden = true;
      learn.append("Learn the method in ", lesson, ".");
      reveal.addEventListener("click", () => {
        guide.hidden = false;
        learn.hidden = false;
        reveal.setAttribute("aria-expanded", "true");
        reveal.hidden = true;
        guide.focus();
      });
      card.append(q, reveal, guide, learn);
    });
    practice.hidden = false;
  }

  // Loaded on demand by progress.js, after the page's first render: its helper sets up now
  // and again after every instant navigation.
  window.ptpProgress.onEveryPage(setup);
})();
