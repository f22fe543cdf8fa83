// Messages of the files attached to register rows (server registers/engine/files.ts). Spread into REGISTER_MESSAGES.
export const REGISTER_FILE_MESSAGES = {
  'registers.noFile': { zh: '请上传文件（表单字段 file）', en: 'Upload a file (form field "file")' },
  'registers.filesTooMany': { zh: '每条记录最多上传 {max} 个文件', en: 'At most {max} files per entry' },
} as const;
