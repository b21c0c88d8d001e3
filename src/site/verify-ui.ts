/**
 * The /verify/ page in the browser: reads the chosen or dropped PDF with FileReader (nothing is
 * sent anywhere), loads the verifier on first use (print/pdf/verify.ts, the code of
 * `npm run pdf:verify`) and shows its verdict and every signature's report, in Thai.
 */
const page = document.getElementById('verify-page');
if (page) {
  const fileInput = page.querySelector<HTMLInputElement>('#verify-file')!;
  const caInput = page.querySelector<HTMLInputElement>('#verify-ca')!;
  const drop = page.querySelector<HTMLElement>('[data-drop]')!;
  const result = page.querySelector<HTMLElement>('.verify-result')!;
  const verdictEl = result.querySelector<HTMLElement>('.verdict')!;
  const list = result.querySelector<HTMLOListElement>('.signatures')!;
  const fromBase64 = (b: string) => Uint8Array.from(atob(b), (c) => c.charCodeAt(0));
  const trust: Uint8Array[] = (JSON.parse(document.getElementById('verify-trust-store')?.textContent || '[]') as string[]).map(fromBase64);
  let last: File | undefined;

  const LABEL: Record<string, string> = {
    valid: 'ถูกต้อง',
    untrusted: 'ผู้ลงนามไม่ได้รับการรับรอง',
    'not-checked': 'ยังไม่ได้ตรวจการรับรองผู้ลงนาม',
    invalid: 'ไม่ถูกต้อง',
    unsigned: 'ไม่มีลายมือชื่อ',
  };

  async function verify(file: File): Promise<void> {
    last = file;
    result.hidden = false;
    result.dataset.verdict = '';
    verdictEl.textContent = `กำลังตรวจ ${file.name} …`;
    list.replaceChildren();
    try {
      const { verifyPdfSignatures, reportLines } = await import('../print/pdf/verify.ts');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const v = await verifyPdfSignatures(bytes, trust.length ? { trustStore: trust } : {});
      result.dataset.verdict = v.verdict;
      const strong = document.createElement('strong');
      strong.textContent = LABEL[v.verdict] ?? v.verdict;
      verdictEl.replaceChildren(strong, document.createTextNode(` — ${file.name}: ${v.summary}`));
      for (const r of v.signatures) {
        const li = document.createElement('li');
        li.dataset.valid = String(r.valid);
        const [head, ...rest] = reportLines(r);
        const h = document.createElement('p');
        h.className = 'signature-head';
        h.textContent = head!;
        const ul = document.createElement('ul');
        for (const line of rest) {
          const item = document.createElement('li');
          item.textContent = line;
          ul.append(item);
        }
        li.append(h, ul);
        list.append(li);
      }
    } catch (error) {
      result.dataset.verdict = 'error';
      verdictEl.textContent = `อ่านแฟ้ม ${file.name} ไม่ได้: ${(error as Error).message}`;
    }
  }

  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) void verify(f);
  });
  caInput.addEventListener('change', async () => {
    for (const f of caInput.files ?? []) {
      const bytes = new Uint8Array(await f.arrayBuffer());
      const text = new TextDecoder('latin1').decode(bytes);
      const pems = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => fromBase64(m[1]!.replace(/\s+/g, '')));
      trust.push(...(pems.length ? pems : [bytes]));
    }
    if (last) void verify(last);
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer?.files[0];
    if (f) void verify(f);
  });
}
