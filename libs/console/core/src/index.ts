// The console's shared foundation: the API, sign-in, the session, words and formats, and the
// page furniture every feature library uses.
export * from './lib/graphql/schema-types.generated';
export { ApiError, EXPLAINED_ERROR_CODES, type ExplainedErrorCode } from './lib/api/api-error';
export { ActingForService } from './lib/api/acting-for.service';
export { HearthApi, toApiErrors, type ApiResult } from './lib/api/hearth-api';
export { ACT_FOR_HEADER, provideHearthApollo } from './lib/api/apollo.provider';
export { AuthService, CALLBACK_PATH } from './lib/auth/auth.service';
export { signedInGuard } from './lib/auth/signed-in.guard';
export { loadRuntimeConfig, RUNTIME_CONFIG, type RuntimeConfig } from './lib/config/runtime-config';
export { DICTIONARIES, LANGUAGES, type Dictionary, type Language } from './lib/i18n/dictionaries';
export { LanguageService } from './lib/i18n/language.service';
export { defineTranslations, translate, type Translations } from './lib/i18n/translations';
export { FORMAT_PIPES, HearthDatePipe, HearthDateTimePipe, HearthMoneyPipe, HearthNumberPipe, LocaleFormat } from './lib/i18n/locale-format';
export {
  CONSORTIUM_ADMIN_ROLE,
  SessionStore,
  type Me,
  type Member,
  type MemberSummary,
  type ModuleInfo,
  type NavigationItem,
} from './lib/session/session.store';
export { guestsStartElsewhere, modulePage } from './lib/session/page-guards';
export { ApiErrorComponent } from './lib/ui/api-error.component';
export { PageComponent } from './lib/ui/page.component';
export { CursorPages, PagerComponent } from './lib/ui/pager.component';
export { asApiError, PagedList, problemsByField, type Connection } from './lib/data/paged-list';
export { apiProblem, placeProblems } from './lib/forms/api-problems';
// The SVG charts with their figures as tables (the dashboard's, and the spaces' usage report).
export { CHART_TEXT, gridlines, niceCeiling, type ChartDatum } from './lib/charts/chart';
export { BarChartComponent } from './lib/charts/bar-chart/bar-chart.component';
export { LineChartComponent } from './lib/charts/line-chart/line-chart.component';
export { ChartTableComponent } from './lib/charts/chart-table/chart-table.component';
