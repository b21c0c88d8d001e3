// Progressive enhancement: mark this month's column of a work-plan Gantt. Reading needs no JavaScript.
(() => {
  const now = new Date();
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  for (const cell of document.querySelectorAll(`.gantt [data-month="${month}"]`)) cell.classList.add('today');
  for (const th of document.querySelectorAll(`.gantt th[data-month="${month}"]`)) th.setAttribute('aria-current', 'date');
})();
