// The domain's public surface. What is not listed here is private to domain/.
export { LoginRequestSchema, LoginResponseSchema, MeResponseSchema, DocsResponseSchema, ErrorResponseSchema, SCHEDULER_DAYS_AHEAD, SCHEDULER_DAYS_BACK, SYNC_DAYS_AHEAD, SYNC_DAYS_BACK } from './api';
export type { LoginRequest, LoginResponse, DocsResponse, ErrorResponse } from './api';
export { BrukareSchema, CarePlanItemSchema, ContactSchema, RhythmSchema } from './brukare';
export type { Brukare, CarePlanItem, Contact, Rhythm } from './brukare';
export { TIME_ZONE, addDays, instantOf, isoWeekday, localDate, localTime, minutesOfDay, monthOf, nextMonth, previousMonth, timeOfMinutes } from './dates';
export { brukareDocName, deviationsDocName, execDocName, formatDocName, journalDocName, keepsHistory, messagesDocName, parseDocName, phrasesDocName, planDocName, MAX_DOC_NAME_CHARS } from './doc-names';
export type { DocKind, DocRef } from './doc-names';
export { readBrukare, readRecipientPlan, writeBrukare } from './doc-layout/brukare-doc';
export { readBrukareSummary } from './doc-layout/brukare-summary';
export type { RecipientPlan } from './doc-layout/brukare-doc';
export { readExecution, readExecutions, readUnplannedVisits, staffProgress } from './doc-layout/exec-doc';
export { applyVisitEvent, createUnplannedVisit, setTaskDone, writeExecution } from './doc-layout/exec-write';
export type { ExecResult } from './doc-layout/exec-write';
export { createCorrection, createDraft, importEntry, readJournalEntries, readJournalEntry, signEntry, signatureContent, updateDraft } from './doc-layout/journal-doc';
export { sha256Hex } from './sha256';
export type { JournalError, JournalResult, NewEntry } from './doc-layout/journal-doc';
export { CLASH_ACTIONS, ClashResolutionSchema, readPlannedVisit, readPlannedVisits, readResolutions } from './doc-layout/plan-doc';
export { cancelPlannedVisit, markPlannedVisitMissed, removePlannedVisit, resolveClash, restorePlannedVisit, writePlannedVisit } from './doc-layout/plan-write';
export type { ClashResolution, ReadResult } from './doc-layout/plan-doc';
export { DateSchema, IdSchema, InstantSchema, MonthSchema, TimeOfDaySchema, ID_PATTERN } from './ids';
export { COMPETENCES, CompetenceSchema, INSATS_TYPES, InsatsTypeSchema, LIFE_AREAS, LifeAreaSchema } from './insatser';
export { INSATS_LIFE_AREA } from './insats-life-areas';
export type { Competence, InsatsType, LifeArea } from './insatser';
export { JournalEntrySchema, MAX_JOURNAL_TEXT_CHARS } from './journal';
export type { JournalEntry } from './journal';
export { outcomeProblem, transition } from './lifecycle';
export type { TransitionError, TransitionResult, VisitEvent } from './lifecycle';
export { docAccess } from './permissions';
export type { DocAccess, TeamOfBrukare } from './permissions';
export { ACK_PARAM, CLOSE_CODES, CLOSE_REASONS, MAX_DOCS_PER_CONNECTION, MAX_MESSAGE_BYTES, MESSAGE_TYPE, PROTOCOL_VERSION, isFatalClose } from './protocol';
export type { CloseCode } from './protocol';
export { changeRangesOf, changeRangesOfUpdate, decodeAckPayload, encodeAckPayload, isCovered, isEmptyChange, serverStateOf } from './sync-ack';
export type { ChangeRanges, ServerState } from './sync-ack';
export { DEFAULT_RETENTION_DAYS_AFTER_END, docsForUser, heldOnDevices, syncWindow } from './sync-window';
export type { Retention } from './sync-window';
export { mergeTeamDay, readDayExecution, readTeamDay, findDayVisit, findVisitInDayDocs } from './team-day';
export type { BrukareSummary, DayExecution } from './team-day';
export { ROLES, RoleSchema, SessionUserSchema, StaffSchema, TeamSchema, firstName } from './team';
export type { Role, SessionUser, Staff, Team } from './team';
export {
  CompetenceGrantSchema,
  EXPIRY_WARNING_DAYS,
  REGISTER_COMPETENCES,
  StaffRegisterEntrySchema,
  StaffRegisterSchema,
  changedFields,
  competencesOn,
  expiringWithin,
  fromGrants,
  grantsOf,
  heldCompetences,
  assignableRoles,
  managesStaff,
  mayManage,
  refusedChange,
  registerEntry,
  teamStaffEntry,
} from './staff-register';
export type { CompetenceExpiry, CompetenceGrant, CompetenceHolder, Expiring, StaffRegister, StaffRegisterEntry, TeamStaffEntry } from './staff-register';
export { MIN_PASSWORD_CHARS, StaffCreateSchema, StaffUpdateSchema, USERNAME_PATTERN } from './staff-requests';
export type { StaffCreate, StaffUpdate } from './staff-requests';
export { describeIssue, describeIssues, parseWith } from './validation';
export type { ParseResult } from './validation';
export { CancellationSchema, OUTCOME_KINDS, OUTCOME_REASONS, OutcomeInputSchema, OutcomeReasonSchema, OutcomeSchema, PlannedInsatsSchema, PlannedVisitSchema, StampSchema, TaskResultSchema, TeamDaySchema, VISIT_STATUSES, VisitExecutionSchema, VisitSchema, VisitStatusSchema, byPlannedStart, mergeVisit } from './visit';
export type { Cancellation, Outcome, OutcomeInput, OutcomeReason, PlannedInsats, PlannedVisit, Stamp, TaskResult, TeamDay, Visit, VisitExecution, VisitStatus } from './visit';
export { isoWeek, occursOn, visitId, visitsFromCarePlan } from './visit-generation';
export { MUX_KIND, decodeMuxFrame, encodeMuxClose, encodeMuxMessage, encodeMuxOpen } from './mux';
export type { MuxFrame, MuxKind } from './mux';
export { DEVIATION_CATEGORIES, DEVIATION_STATES, DeviationCategorySchema, DeviationSchema, HandoverSchema, HelpRequestSchema, MessageSchema, PhraseSchema } from './team-docs';
export type { Deviation, DeviationCategory, DeviationState, Handover, HelpRequest, Message, Phrase } from './team-docs';
export {
  acknowledgeHelp,
  helpRequestItemId,
  markHandoverRead,
  readDeviations,
  readHandovers,
  readHelpRequests,
  readMessages,
  readPhrases,
  removePhrase,
  reportDeviation,
  requestHelp,
  savePhrase,
  sendMessage,
  setDeviationState,
  writeHandover,
} from './doc-layout/team-docs';
export type { DeviationWithState, HandoverWithReads, HelpRequestWithAck } from './doc-layout/team-docs';
export { DEFAULT_TRAVEL_MINUTES, checkPlan } from './planning-checks';
export type { PlanningContext, PlanningIssue, StaffForPlanning } from './planning-checks';
export { CONTINUITY_PERIOD_DAYS, continuityIndicator, rankCandidates, staffMetPerRecipient } from './continuity';
export type { Candidate, ContinuityResult } from './continuity';
export {
  DEFAULT_SIGN_OFF_SETTINGS,
  MOODS,
  MoodSchema,
  SIGN_OFF_LANGUAGES,
  SignOffSchema,
  SignOffSettingsSchema,
  isRightToLeft,
  signOffJournalEntry,
  signOffLanguage,
  signOffSummary,
} from './sign-off';
export type { Mood, SignOff, SignOffLanguage, SignOffSettings } from './sign-off';
export { addSignOff, readSignOffs } from './doc-layout/sign-off-doc';
export type { SignOffResult } from './doc-layout/sign-off-doc';
export { DELIVERED_COLUMNS, csvLine, deliveredCsv, deliveredOf, deliveredRows, staffOfVisit } from './delivered';
export { TIME_DIFF_THRESHOLD_MIN, continuityReport, differenceReasons, differingVisits, minutesPerDay, minutesPerRecipient, minutesPerStaff, minutesTotal, signOffReport } from './follow-up';
export type { ContinuityReport, ContinuityRow, DifferenceReason, DifferingVisit, MinuteTotals, SignOffReport } from './follow-up';
export { CLASH_KINDS, clashKey, findClashes } from './clashes';
export { workersOf } from './workers';
export { assignFirst, assignWorker, replaceInAssignment } from './assignment';
export type { Clash, ClashKind } from './clashes';
export { LATE_AFTER_MINUTES, LIVE_STATUSES, liveCounts, liveStatus, nextLiveChange } from './live-day';
export type { LiveStatus } from './live-day';
export { dayLoad, sumLoads } from './week-load';
export type { DayLoad, Load, LoadCell, LoadStaff } from './week-load';
export {
  AUTH_ERROR_CODES,
  AdminDeviceSchema,
  AdminUserSchema,
  AuditUploadSchema,
  DEVICE_AUDIT_ACTIONS,
  DeviceAuditEventSchema,
  DeviceIdSchema,
  DevicePolicySchema,
  MAX_AUDIT_EVENTS_PER_UPLOAD,
  PIN_PATTERN,
  RecipientAccessResponseSchema,
  RecipientAccessSchema,
  RefreshRequestSchema,
  SessionTokensSchema,
} from './security';
export type { AdminDevice, AdminUser, DeviceAuditEvent, DevicePolicy, RecipientAccess, SessionTokens } from './security';
export {
  GrantSchema,
  INSATS_NAMES_SV,
  OrderInsatsSchema,
  OrderResponseSchema,
  OrderSchema,
  draftCarePlan,
  drifts,
  grantedWeeklyMinutes,
  insatsCatalogue,
  newCarePlanItem,
  plannedMinutesPerRecipient,
  recipientKey,
  spreadWeekdays,
  weeklyMinutes,
} from './orders';
export type { CatalogueEntry, Grant, Order, OrderInsats } from './orders';
export { addCarePlanItems, readGrant, writeGrant } from './doc-layout/brukare-doc';
export { AGREED_HOW, AgreedHowSchema, CarePlanAgreementSchema, CarePlanVersionSchema, DRAFT_FOLLOW_UP_DAYS, FOLLOW_UP_INTERVAL_DAYS, carePlanStatus, compareVersions } from './care-plan';
export type { AgreedHow, CarePlanAgreement, CarePlanStatus, CarePlanVersion, CarePlanVersionView } from './care-plan';
export { carePlanToReview, markCarePlanAgreed, readCarePlanVersions, readCurrentVersion, readCurrentVersionView, saveCarePlanVersion } from './doc-layout/care-plan-doc';
export { followCarePlans, generateVisits, hasGeneratedVisits } from './doc-layout/plan-follow';
export type { FollowResult } from './doc-layout/plan-follow';
export type { CarePlanToReview } from './doc-layout/care-plan-doc';
export { describeBrukareWrite } from './doc-layout/brukare-writes';
export { FieldProblemSchema, InvalidFieldsResponseSchema } from './field-problems';
export type { FieldProblem, InvalidFieldsResponse } from './field-problems';
export type { BrukareWrite } from './doc-layout/brukare-writes';
export { CONTACT_ROLES, ContactRoleSchema, EndServiceRequestSchema, SERVICE_END_REASONS, ServiceEndReasonSchema, ServiceEndedSchema, WHO_IS_WHO_ROLES, WhoIsWhoRoleSchema, WhoIsWhoSchema, serviceActiveOn } from './recipient-card';
export type { ContactRole, EndServiceRequest, ServiceEndReason, ServiceEnded, WhoIsWho } from './recipient-card';
export { CARD_FIELDS, CardChangeSchema, lastCardChange, readCardChanges, readServiceEnded, writeCardFields } from './doc-layout/recipient-card-doc';
export type { CardAuthor, CardChange, CardField, CardFields } from './doc-layout/recipient-card-doc';
