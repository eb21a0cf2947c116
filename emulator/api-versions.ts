/** The products and versions the emulator serves; both expose QueryTaskDetailList with the same fields. */
export const API_VERSIONS: Readonly<Record<string, string>> = {
  "2018-01-29": "domain",
  "2017-12-18": "domain-intl",
};

export const QUERY_TASK_DETAIL_LIST = "QueryTaskDetailList";
