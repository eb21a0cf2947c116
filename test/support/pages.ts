/** Canned QueryTaskDetailList bodies for hostile-server answers: the smallest page the wire schema accepts. */

/** A one-page answer holding `details` (each merged over a succeeded detail). */
export const pageBody = (details: Record<string, unknown>[] = [{}]): string =>
  JSON.stringify({
    RequestId: "R-page",
    CurrentPageNum: 1,
    TotalPageNum: 1,
    TotalItemNum: details.length,
    PageSize: 100,
    PrePage: false,
    NextPage: false,
    Data: {
      TaskDetail: details.map((d, i) => ({
        TaskNo: "T-page",
        TaskDetailNo: `${i}`.padStart(32, "0"),
        DomainName: `d${i}.example`,
        TaskType: "CHG_DNS",
        TaskStatus: "EXECUTE_SUCCESS",
        TaskStatusCode: 2,
        ErrorMsg: "The operation is successful.",
        TryCount: 1,
        ...d,
      })),
    },
  });
