/** Changing domains' name servers: submit the change, read a domain's name servers, find a submitted change. */
export { submitNameServerChange, SUBMIT_RAM_ACTION } from "./submit";
export { queryDomainNameServers, sameNameServers } from "./query-domain";
export { findTask, listTasks, type TaskListQuery } from "./find-task";
export { validateNameServerChange, nameServerChangeProblems, MIN_NAME_SERVERS, MAX_NAME_SERVERS, type ChangeProblem } from "./validate";
export type { DomainActionApi, DomainNameServersInfo, FindTaskQuery, NameServerApi, NameServerChange, SubmittedChange, TaskInfo } from "./models";
