/**
 * The listing forms' fields ↔ the API's bodies: a need's and an achievement's form → the create/update
 * body (amounts from yuan to fen, lists from lines and commas), and a stored listing → the form's fields
 * for editing (fen back to yuan by integer formatting).
 */
import type { FieldIssue } from '../../shared/domain/errors';
import { amountField, str, type Form } from './form-flow';

/** The need form's fields → the API's create body (amounts from yuan to fen, lists from lines). */
export function needBodyFromForm(form: Form): { body: unknown; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const amount = (name: string) => amountField(form, name, issues);
  const min = amount('budgetMin');
  const max = amount('budgetMax');
  const bounty = amount('bounty');
  const modes = Array.isArray(form.cooperationModes) ? form.cooperationModes : form.cooperationModes ? [form.cooperationModes] : [];
  return {
    issues,
    body: {
      title: str(form.title),
      problem: str(form.problem),
      acceptanceCriteria: str(form.acceptanceCriteria).split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
      industry: str(form.industry),
      keywords: [...new Set(str(form.keywords).split(/[,，、\s]+/).filter(Boolean))],
      budget: min === undefined && max === undefined ? { kind: 'negotiable' } : { kind: 'range', minFen: min ?? 0, maxFen: max ?? 0 },
      deadline: str(form.deadline),
      cooperationModes: modes,
      ...(bounty !== undefined ? { challenge: { bountyFen: bounty } } : {}),
      contact: { name: str(form.contactName), phone: str(form.contactPhone), email: str(form.contactEmail) },
    },
  };
}

export function achievementBodyFromForm(form: Form): { body: unknown; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const amount = (name: string) => amountField(form, name, issues);
  const min = amount('priceMin');
  const max = amount('priceMax');
  const modes = Array.isArray(form.transferModes) ? form.transferModes : form.transferModes ? [form.transferModes] : [];
  const trl = /^\d{1,3}$/.test(str(form.trl)) ? Number(str(form.trl)) : str(form.trl);
  const price =
    min === undefined && max === undefined ? { kind: 'negotiable' } : min !== undefined && (max === undefined || max === min) ? { kind: 'fixed', amountFen: min } : { kind: 'range', minFen: min ?? 0, maxFen: max ?? 0 };
  return {
    issues,
    body: {
      title: str(form.title),
      summary: str(form.summary),
      confidentialDetail: str(form.confidentialDetail),
      industry: str(form.industry),
      keywords: [...new Set(str(form.keywords).split(/[,，、\s]+/).filter(Boolean))],
      trl,
      transferModes: modes,
      price,
      team: { leader: str(form.leader), members: [] },
      contact: { name: str(form.contactName), phone: str(form.contactPhone), email: str(form.contactEmail) },
    },
  };
}

/** Fen → the yuan a person types (whole yuan without decimals), by integer arithmetic. */
const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`);

/** A stored achievement → the form's fields. */
export function achievementFormValues(a: Record<string, any>): Form {
  const p = a.price;
  return {
    title: a.title, summary: a.summary, confidentialDetail: a.confidentialDetail, industry: a.industry, keywords: (a.keywords as string[]).join(', '), trl: String(a.trl),
    transferModes: a.transferModes,
    priceMin: p.kind === 'fixed' ? yuan(p.amountFen) : p.kind === 'range' ? yuan(p.minFen) : '',
    priceMax: p.kind === 'range' ? yuan(p.maxFen) : '',
    leader: a.team.leader, contactName: a.contact.name, contactPhone: a.contact.phone, contactEmail: a.contact.email,
  };
}

/** A stored need → the form's fields (fen back to yuan by integer formatting). */
export function needFormValues(n: Record<string, any>): Form {
  return {
    title: n.title, problem: n.problem, acceptanceCriteria: (n.acceptanceCriteria as string[]).join('\n'), industry: n.industry,
    keywords: (n.keywords as string[]).join(', '), budgetMin: n.budget.kind === 'range' ? yuan(n.budget.minFen) : '', budgetMax: n.budget.kind === 'range' ? yuan(n.budget.maxFen) : '',
    deadline: n.deadline, cooperationModes: n.cooperationModes, bounty: n.challenge ? yuan(n.challenge.bountyFen) : '',
    contactName: n.contact.name, contactPhone: n.contact.phone, contactEmail: n.contact.email,
  };
}
