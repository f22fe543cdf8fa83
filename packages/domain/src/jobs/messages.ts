// Why a background job failed, as its owner reads it (the runner stores the key and its params).
export const JOB_MESSAGES = {
  'jobs.interrupted': {
    zh: '任务在服务器重启时中断，且不能安全续做，请重新提交',
    en: 'The job was interrupted by a server restart and cannot be resumed safely; please submit it again',
  },
  'jobs.tooManyAttempts': {
    zh: '任务已尝试 {attempts} 次仍未完成，已停止',
    en: 'The job did not finish after {attempts} attempts and was stopped',
  },
  'jobs.unknownKind': { zh: '无法处理的任务类型「{kind}」', en: 'No handler for jobs of kind "{kind}"' },
} as const;
