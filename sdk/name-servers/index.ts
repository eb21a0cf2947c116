/** Changing domains' name servers: the operation (for submitOrResume), the write alone, a domain's name servers, a submitted change. */
export { NAME_SERVER_CHANGE, nameServersApplied, ALIYUN_DNS_HOST } from "./operation";
export { submitNameServerChange, SUBMIT_RAM_ACTION } from "./submit";
export { queryDomainNameServers, sameNameServers } from "./query-domain";
export { findTask, listTasks, type TaskListQuery } from "./find-task";
export { validateNameServerChange, nameServerChangeProblems, MIN_NAME_SERVERS, MAX_NAME_SERVERS, type ChangeProblem } from "./validate";
export type { DomainActionApi, DomainNameServersInfo, FindTaskQuery, FoundTask, NameServerApi, NameServerChange, SubmittedChange, TaskInfo } from "./models";
