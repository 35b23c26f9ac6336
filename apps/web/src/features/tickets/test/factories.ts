/** Ticket API answers for component tests: valid by default, each test overrides what it is about. */
import type { Category, InboxCounts, Ticket, TicketSummary } from '@wangge/contracts';

let nextId = 5000;

export function ticketSummary(overrides: Partial<TicketSummary> = {}): TicketSummary {
  const id = overrides.id ?? nextId++;
  return {
    id,
    code: `SJ20260930${String(id).padStart(7, '0')}`,
    title: '邻里因排水沟堵塞发生纠纷',
    category: { id: 11, code: 'dispute.neighbour', name: '邻里纠纷' },
    channel: 'gridWorker',
    urgency: 'normal',
    state: 'reported',
    version: 1,
    unit: { id: 7, code: '360000000007', name: '东街一网格', kind: 'grid' },
    holder: {
      level: 'grid',
      unit: { id: 7, code: '360000000007', name: '东街一网格', kind: 'grid' },
      department: null,
      name: '东街一网格',
    },
    light: 'green',
    result: null,
    dueAt: '2026-10-08T16:00:00.000Z',
    workdaysLeft: 2,
    supervisionLevel: null,
    possibleDuplicate: false,
    location: null,
    receivedAt: '2026-09-30T01:00:00.000Z',
    updatedAt: '2026-09-30T01:00:00.000Z',
    ...overrides,
  };
}

export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    ...ticketSummary(overrides),
    description: '张家与李家因排水沟堵塞互相指责，需要上门调解。',
    address: null,
    household: null,
    people: [],
    reporter: null,
    reportedBy: { userId: 1, name: '王丽' },
    fields: { parties: 2 },
    handledLevel: null,
    selfResolved: false,
    deadlines: [],
    calendarWarning: null,
    evaluation: null,
    counts: { returns: 0, escalations: 0, redos: 0, extensions: 0 },
    possibleDuplicates: [],
    duplicateOf: null,
    pendingExtension: null,
    consultation: null,
    attachmentIds: [],
    attachments: overrides.attachments ?? [],
    allowedOperations: [],
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    ...overrides,
  };
}

export function counts(overrides: Partial<InboxCounts> = {}): InboxCounts {
  return { toAccept: 0, toHandle: 0, toVerify: 0, toEvaluate: 0, supervised: 0, red: 0, yellow: 0, ...overrides };
}

const rules = { accept: { workdays: 1 }, feedback: { workdays: 3 }, resolve: { workdays: 7 } };

export function category(overrides: Partial<Category> = {}): Category {
  return {
    id: nextId++,
    parentId: null,
    code: 'dispute.neighbour',
    name: '邻里纠纷',
    defaultLevel: 'grid',
    defaultDepartment: null,
    deadlineClass: 'ordinary',
    deadlines: { normal: rules, urgent: rules },
    customDeadlines: false,
    fieldsSchema: null,
    duplicateRadiusM: 100,
    duplicateWindowDays: 30,
    allowSkipLevels: false,
    status: 'active',
    ...overrides,
  };
}
