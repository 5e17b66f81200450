/* Path to PM: the 404 page. Fills the broken-link issue form's fields with the
 * address that was not found and the page that linked to it (GitHub issue forms
 * take a field's value from the query parameter named by the field's id). */
(() => {
  "use strict";
  const report = document.querySelector("a[data-ptp-report]");
  if (!report) return;
  const url = new URL(report.href);
  url.searchParams.set("link", location.href);
  if (document.referrer) url.searchParams.set("page", document.referrer);
  url.searchParams.set("title", "Broken link: " + location.pathname);
  report.href = url.href;
})();
