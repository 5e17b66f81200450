/* Path to PM: checklist progress. Plain ES2020, no dependencies.
 *
 * Ticks are kept in localStorage under a key namespaced by the site's base
 * path (every project site on one github.io host shares an origin), keyed by
 * each item's stable id, in a versioned format:
 *   {"format": "path-to-pm/progress", "version": 1,
 *    "ticks": {"<id>": "<ISO date ticked>"}, "lastPage": "<path>"}
 * Nothing from storage or from an imported file is ever inserted as HTML.
 * Without this script every page still reads and prints.
 */
(() => {
  "use strict";

  const FORMAT = "path-to-pm/progress";
  const VERSION = 1;
  const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const script = document.currentScript;
  const siteRoot = new URL("../../", script ? script.src : location.href);
  const KEY = "path-to-pm:progress:" + siteRoot.pathname;

  /* ---------------------------------------------------------------- storage */

  const store = {
    ticks: Object.create(null),
    lastPage: "",
    writable: true, // false after an unreadable newer format: never overwrite it
    available: true, // false when the browser lets this site store nothing at all
    notice: "",
  };
  // This tab's own changes, re-applied when another tab's write arrives (see merge()):
  // id -> [ISO date or null for an untick, when it was made]. A change is kept for
  // RECENT_MS (long enough for any write that missed it to arrive) or while saving
  // fails; after that a reset or untick in another tab wins.
  const recent = new Map();
  const RECENT_MS = 3000;
  let lastSaveFailed = false;

  function recentChanges() {
    const now = Date.now();
    for (const [id, [, at]] of recent) if (!lastSaveFailed && now - at > RECENT_MS) recent.delete(id);
    return [...recent].map(([id, [when]]) => [id, when]);
  }

  const BLOCKED = "Your browser is not letting this site save anything, so ticks will last only for this visit.";
  const FULL =
    "Your browser's storage for this site is full, so new ticks cannot be saved; the ticks saved before are shown. " +
    "Export your progress from the My progress page to keep new ones.";

  // localStorage itself, or null where the browser blocks it (reading the property throws).
  function storage() {
    try {
      const ls = window.localStorage;
      ls.getItem(KEY);
      return ls;
    } catch {
      return null;
    }
  }

  // A full store (every project site of one github.io owner shares the quota)
  // can still be read: only a write tells, so probe once at start.
  function canWrite(ls) {
    try {
      ls.setItem(KEY + ":probe", "1");
      ls.removeItem(KEY + ":probe");
      return true;
    } catch {
      return false;
    }
  }

  function isDate(v) {
    return typeof v === "string" && v.length <= 40 && !Number.isNaN(Date.parse(v));
  }

  // Only a path of this site: lower-case segments, each ending in "/", no "..", no host.
  function isSitePath(v) {
    return typeof v === "string" && v.length <= 300 && /^(?:[a-z0-9][a-z0-9_-]*\/)*$/.test(v);
  }

  // Keep only well-formed entries; report how many were dropped.
  function cleanTicks(raw) {
    const ticks = Object.create(null);
    let dropped = 0;
    if (raw && typeof raw === "object" && !Array.isArray(raw)) {
      for (const [id, when] of Object.entries(raw)) {
        if (ID.test(id) && id.length <= 64 && (isDate(when) || when === true)) {
          ticks[id] = isDate(when) ? when : new Date(0).toISOString();
        } else dropped++;
      }
    } else if (raw !== undefined) dropped++;
    return { ticks, dropped };
  }

  function parse(text) {
    try {
      const data = JSON.parse(text);
      return data && typeof data === "object" && data.format === FORMAT && Number.isInteger(data.version) ? data : null;
    } catch {
      return null;
    }
  }

  function load() {
    const ls = storage();
    if (!ls) {
      store.available = false;
      store.notice = BLOCKED;
      return;
    }
    if (!canWrite(ls)) store.notice = FULL;
    const text = ls.getItem(KEY);
    if (text === null) return;
    const data = parse(text);
    if (!data) {
      keepCopy(ls, text);
      store.notice = "Your saved progress could not be read, so it starts empty here. A copy of the old data was kept in this browser.";
      return;
    }
    if (data.version > VERSION) {
      store.writable = false;
      store.notice = "Your progress was saved by a newer version of this guide. Reload the page to update; until then, new ticks are not saved.";
    }
    const { ticks, dropped } = cleanTicks(data.ticks);
    store.ticks = ticks;
    store.lastPage = isSitePath(data.lastPage) ? data.lastPage : "";
    if (dropped && store.writable) {
      keepCopy(ls, text);
      store.notice = `Some saved progress was damaged: ${dropped} entr${dropped === 1 ? "y was" : "ies were"} skipped. A copy of the old data was kept.`;
    }
  }

  function keepCopy(ls, text) {
    try {
      ls.setItem(KEY + ":backup", text);
    } catch {
      /* nothing more we can do; the original stays until the next save */
    }
  }

  // Write the whole state. Returns whether it was saved.
  function save() {
    if (!store.available || !store.writable) return false;
    const ls = storage();
    const data = { format: FORMAT, version: VERSION, ticks: store.ticks, lastPage: store.lastPage };
    try {
      ls.setItem(KEY, JSON.stringify(data));
      lastSaveFailed = false;
      if (store.notice === FULL) store.notice = "";
      return true;
    } catch {
      lastSaveFailed = true;
      store.notice = ls ? FULL : BLOCKED;
      showNotice();
      return false;
    }
  }

  // What storage holds now (another tab may have written since this page loaded),
  // with this tab's recent changes on top. Returns false if storage cannot be read.
  function merge(text) {
    const data = parse(text === undefined ? (storage() || { getItem: () => null }).getItem(KEY) : text);
    if (!data || data.version > VERSION) return false;
    const ticks = cleanTicks(data.ticks).ticks;
    for (const [id, when] of recentChanges()) {
      if (when) ticks[id] = when;
      else delete ticks[id];
    }
    store.ticks = ticks;
    if (isSitePath(data.lastPage) && !store.lastPage) store.lastPage = data.lastPage;
    return true;
  }

  // One tick or untick: re-read, apply, write (two tabs ticking at once both keep theirs).
  function update(id, when) {
    recent.set(id, [when, Date.now()]);
    if (when) store.ticks[id] = when;
    else delete store.ticks[id];
    if (store.available && store.writable) merge();
    save();
  }

  // Another tab wrote: take its state, keep this tab's own recent changes, and
  // write the union back once if the other tab's write had missed them.
  function fromOtherTab(newValue) {
    if (newValue === null) {
      store.ticks = Object.create(null); // cleared elsewhere
      recent.clear();
      return;
    }
    const incoming = parse(newValue);
    if (!incoming || incoming.version > VERSION) return;
    const theirs = cleanTicks(incoming.ticks).ticks;
    const missed = recentChanges().some(([id, when]) => (when ? theirs[id] !== when : id in theirs));
    merge(newValue);
    if (!missed || save()) recent.clear();
  }

  // The tools (export, import, reset, undo) replace the whole state on purpose.
  function saveAll() {
    recent.clear();
    return save();
  }

  /* ---------------------------------------------------------------- views */

  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const count = (ids) => ids.filter((id) => id in store.ticks).length;

  function showNotice() {
    if (!store.notice) return;
    const content = document.querySelector(".md-content__inner");
    if (!content) return;
    let note = content.querySelector(".ptp-notice");
    if (!note) {
      note = document.createElement("p");
      note.className = "ptp-notice";
      note.setAttribute("role", "status");
      content.prepend(note);
    }
    note.textContent = store.notice;
  }

  function render() {
    for (const box of $$("input[data-check-id]")) box.checked = box.dataset.checkId in store.ticks;
    for (const list of $$(".ptp-checklist")) {
      const ids = $$("input[data-check-id]", list).map((b) => b.dataset.checkId);
      const out = list.querySelector("[data-ptp-count]");
      if (out) {
        out.textContent = `${count(ids)} of ${ids.length} done`;
        out.setAttribute("aria-live", "polite"); // only after the first render: no announcement on load
      }
    }
    const lesson = document.querySelector("[data-ptp-lesson-count]");
    if (lesson) {
      const ids = $$("input[data-check-id]").map((b) => b.dataset.checkId);
      lesson.textContent = `Checklist: ${count(ids)} of ${ids.length} done`;
    }
    for (const bar of $$("[data-ptp-ids]")) {
      const ids = bar.dataset.ptpIds.split(" ").filter(Boolean);
      const done = count(ids);
      const meter = bar.querySelector("progress");
      if (meter) meter.value = done;
      const out = bar.querySelector("[data-ptp-count]");
      if (out) out.textContent = `${done} of ${ids.length} done`;
    }
    for (const li of $$("[data-ptp-overview] [data-ptp-item]")) li.hidden = li.dataset.ptpItem in store.ticks;
    renderContinue();
    renderPaper();
  }

  function renderContinue() {
    const ticked = Object.keys(store.ticks);
    // The home page's path shows progress bars only once something is ticked.
    for (const path of $$("[data-ptp-path]")) path.toggleAttribute("data-ptp-started", ticked.length > 0);
    const link = document.querySelector("[data-ptp-continue-link]");
    if (link) {
      // lastPage is a path of this site (isSitePath), resolved inside the site's own root.
      const target = isSitePath(store.lastPage) && ticked.length ? new URL(store.lastPage, siteRoot) : null;
      const ok = !!target && target.origin === siteRoot.origin && target.pathname.startsWith(siteRoot.pathname);
      if (ok) {
        link.href = target.href;
        const title = $$("[data-ptp-lesson-titles] [data-ptp-url]").find((li) => li.dataset.ptpUrl === store.lastPage);
        if (title) link.textContent = "Continue: " + title.textContent;
      }
      link.hidden = !ok;
    }
    const box = document.querySelector("[data-ptp-continue]");
    if (!box) return;
    const items = $$("[data-ptp-overview] [data-ptp-item]");
    if (box.dataset.ptpEmpty === undefined) box.dataset.ptpEmpty = box.textContent; // the page's own sentence
    if (!ticked.length) {
      box.textContent = box.dataset.ptpEmpty; // nothing ticked (also right after a reset)
      return;
    }
    const latest = ticked.reduce((a, b) => (store.ticks[a] >= store.ticks[b] ? a : b));
    const start = Math.max(0, items.findIndex((li) => li.dataset.ptpItem === latest));
    const order = items.slice(start).concat(items.slice(0, start));
    const next = order.find((li) => !(li.dataset.ptpItem in store.ticks));
    box.textContent = "";
    if (!next) {
      box.textContent = "You have ticked every item in the guide.";
      return;
    }
    const a = document.createElement("a");
    a.href = next.querySelector("a").href;
    a.className = "md-button md-button--primary";
    a.textContent = "Continue: " + next.dataset.ptpTitle;
    box.append(`${ticked.length} item${ticked.length === 1 ? "" : "s"} ticked. `, a);
  }

  function renderPaper() {
    const paper = document.querySelector("[data-ptp-printable]");
    if (!paper) return;
    const mine = document.querySelector("[data-ptp-with-ticks]");
    const show = Boolean(mine?.checked);
    for (const li of $$("[data-ptp-item]", paper)) {
      const when = show ? store.ticks[li.dataset.ptpItem] : undefined;
      li.classList.toggle("ptp-paper--done", Boolean(when));
      // site.css writes "Done on <date>" from this attribute.
      if (when && !when.startsWith("1970")) li.dataset.ptpDate = when.slice(0, 10);
      else delete li.dataset.ptpDate;
    }
  }

  // Run fn on every page Material shows. Its document$ replays the current page to a new
  // subscriber and emits again after each instant navigation (scripts are not re-run then);
  // without Material's script, fn runs once the page is parsed. Every script here uses this.
  function onEveryPage(fn) {
    if (typeof window.document$?.subscribe === "function") window.document$.subscribe(() => fn());
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => fn());
    else fn();
  }

  /* ---------------------------------------------------------------- sidebar */

  // The sidebar opens at its top (overrides/partials/nav-item.html keeps Material from
  // centring the current link halfway down the list). Where the current page's link is
  // not in view there, the list moves so the current section's heading (the step, Templates,
  // ...) is at the top, or, where that is not enough (a phone's drawer panel), just far
  // enough to show the link. It follows the sidebar's size, which Material's script sets
  // after the page loads, until the reader scrolls or touches the sidebar.
  function sidebarHeading(link) {
    const section = link.closest("li.md-nav__item--nested");
    if (!section) return null;
    const rows = [...section.children, section.querySelector(":scope > nav > .md-nav__title")];
    return rows.find((el) => el?.matches(".md-nav__link, .md-nav__container, .md-nav__title") && el.getClientRects().length);
  }

  function placeSidebar(list, link) {
    const view = list.getBoundingClientRect();
    const at = (el) => el.getBoundingClientRect().top - view.top + list.scrollTop; // offset in the list
    const top = at(link);
    const bottom = top + link.getBoundingClientRect().height;
    const title = list.querySelector(".md-nav--primary > .md-nav__title"); // sticky over the list (wide screens)
    const covered = title?.getClientRects().length && getComputedStyle(title).position === "sticky" ? title.offsetHeight : 0;
    const visible = (scroll) => top >= scroll + (scroll ? covered : 0) && bottom <= scroll + list.clientHeight;
    if (visible(list.scrollTop)) return;
    const heading = sidebarHeading(link);
    let scroll = 0;
    if (!visible(0)) {
      // The section's heading 8 px below the sticky title; if the link is still out of view
      // (or the heading is in another panel, on phones), the link at the bottom of the list.
      scroll = heading && list.contains(heading) ? at(heading) - covered - 8 : -1;
      if (scroll < 0 || !visible(scroll)) scroll = bottom - list.clientHeight;
    }
    list.scrollTop = scroll;
  }

  function showCurrentInSidebar() {
    const sidebar = document.querySelector(".md-sidebar--primary");
    const link = sidebar && $$('[aria-current="page"], label.md-nav__link--active', sidebar).find((el) => el.getClientRects().length);
    let list = link?.parentElement;
    while (list && list !== sidebar && !/auto|scroll/.test(getComputedStyle(list).overflowY)) list = list.parentElement;
    if (!link || !list || list === sidebar || typeof ResizeObserver !== "function") return;
    const follow = new ResizeObserver(() => placeSidebar(list, link));
    follow.observe(list);
    const stop = () => follow.disconnect();
    for (const type of ["wheel", "touchstart", "pointerdown", "keydown"]) sidebar.addEventListener(type, stop, { once: true, passive: true });
  }

  // The page-specific scripts (tables.js, questions.js, progress-tools.js) use these.
  window.ptpProgress = {
    onEveryPage,
    FORMAT,
    VERSION,
    siteRoot,
    cleanTicks,
    save: saveAll,
    render,
    get ticks() {
      return store.ticks;
    },
    set ticks(value) {
      store.ticks = value;
    },
  };

  /* ---------------------------------------------------------------- events */

  document.addEventListener("change", (event) => {
    const box = event.target;
    if (box.matches?.("input[data-check-id]")) {
      const here = location.pathname.startsWith(siteRoot.pathname) ? location.pathname.slice(siteRoot.pathname.length) : "";
      store.lastPage = isSitePath(here) ? here : store.lastPage;
      update(box.dataset.checkId, box.checked ? new Date().toISOString() : null);
      render();
    } else if (box.matches?.("[data-ptp-with-ticks]")) renderPaper();
  });

  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-ptp-print]")) window.print();
    // A catalogue card's long "why" (hooks/tables.py): two lines until the reader opens it.
    const more = event.target.closest(".ptp-why__more");
    if (more) {
      const open = more.getAttribute("aria-expanded") !== "true";
      more.setAttribute("aria-expanded", String(open));
      more.textContent = open ? "Show less" : "Show more";
      more.parentElement.toggleAttribute("data-open", open);
    }
  });

  // Another tab ticked something: show it here too.
  window.addEventListener("storage", (event) => {
    if (event.key === KEY || event.key === null) {
      fromOtherTab(event.key === null ? null : event.newValue);
      render();
    }
  });

  // Page-specific scripts load only where they are needed, once per visit.
  const extras = { "[data-ptp-filter]": "tables.js", "[data-ptp-practice]": "questions.js", "[data-ptp-tools]": "progress-tools.js" };
  const loaded = new Set();
  function loadExtras() {
    for (const [selector, file] of Object.entries(extras)) {
      if (loaded.has(file) || !document.querySelector(selector)) continue;
      loaded.add(file);
      const tag = document.createElement("script");
      tag.src = new URL("assets/js/" + file, siteRoot).href;
      document.body.append(tag);
    }
  }

  function page() {
    showCurrentInSidebar();
    loadExtras();
    for (const el of $$("[data-ptp-print], [data-ptp-print-controls]")) el.hidden = false;
    render();
    showNotice();
  }

  load();
  onEveryPage(page);
})();
