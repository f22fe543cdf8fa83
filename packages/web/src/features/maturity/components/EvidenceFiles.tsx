import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Popconfirm, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, errorMessage } from '../../../app/api/client.ts';
import { downloadFile, uploadFile } from '../../../app/api/files.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';

// Evidence files under one questionnaire item: upload with progress, the list with download and delete,
// read-only once the assessment is submitted. The assessment's whole list is one shared query.

export interface EvidenceFile {
  id: string;
  assessmentId: number;
  requirementId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: number | null;
  uploadedAt: string;
}

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.zip';
const MAX_BYTES = 10 * 1024 * 1024;
const MAX_PER_ITEM = 10;

const TEXT = {
  title: { zh: '证据文件', en: 'Evidence files' },
  upload: { zh: '上传证据', en: 'Upload evidence' },
  hint: {
    zh: 'PDF、PNG/JPEG、docx/xlsx/pptx、ZIP，单个不超过 10 MB，每项最多 10 个',
    en: 'PDF, PNG/JPEG, docx/xlsx/pptx, ZIP; up to 10 MB each, 10 per item',
  },
  download: { zh: '下载', en: 'Download' },
  delete: { zh: '删除', en: 'Delete' },
  confirmDelete: { zh: '删除这个证据文件？', en: 'Delete this evidence file?' },
  uploaded: { zh: '已上传「{name}」', en: 'Uploaded "{name}"' },
  deleted: { zh: '已删除「{name}」', en: 'Deleted "{name}"' },
  tooLarge: { zh: '「{name}」超过 10 MB', en: '"{name}" is larger than 10 MB' },
  badType: { zh: '「{name}」的类型不支持', en: 'The type of "{name}" is not supported' },
  tooMany: { zh: '每个评估项最多 10 个证据文件', en: 'At most 10 evidence files per item' },
  none: { zh: '暂无证据文件', en: 'No evidence files' },
} as const;

const evidenceKey = (assessmentId: number) => ['maturity', 'evidence', assessmentId] as const;
const fetchEvidence = (assessmentId: number) => api<{ items: EvidenceFile[] }>(`/api/maturity/assessments/${assessmentId}/evidence`);

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const fill = (text: string, name: string) => text.replace('{name}', name);

/** The evidence files of one requirement of the assessment open on the page (route `maturity/:id`). */
export function EvidenceFiles({ requirementId, readOnly }: { requirementId: string; readOnly: boolean }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const assessmentId = Number(useParams().id);
  const client = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const list = useQuery({
    queryKey: evidenceKey(assessmentId),
    queryFn: () => fetchEvidence(assessmentId),
    enabled: assessmentId > 0,
    staleTime: 30_000,
  });
  const files = (list.data?.items ?? []).filter((f) => f.requirementId === requirementId);
  const refresh = () => client.invalidateQueries({ queryKey: evidenceKey(assessmentId) });

  const remove = useMutation({
    mutationFn: (file: EvidenceFile) =>
      api<{ deleted: boolean }>(`/api/maturity/evidence/${encodeURIComponent(file.id)}`, { method: 'DELETE' }),
    onSuccess: (_, file) => {
      void message.success(fill(pick(TEXT.deleted), file.fileName));
      void refresh();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  async function send(file: File) {
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!ACCEPT.split(',').includes(`.${ext}`)) return void message.error(fill(pick(TEXT.badType), file.name));
    if (file.size > MAX_BYTES) return void message.error(fill(pick(TEXT.tooLarge), file.name));
    if (files.length >= MAX_PER_ITEM) return void message.error(pick(TEXT.tooMany));
    setProgress(0);
    try {
      const path = `/api/maturity/assessments/${assessmentId}/evidence?requirementId=${encodeURIComponent(requirementId)}`;
      const stored = await uploadFile<EvidenceFile>(path, file, setProgress);
      void message.success(fill(pick(TEXT.uploaded), stored.fileName));
      await refresh();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setProgress(null);
    }
  }

  async function download(file: EvidenceFile) {
    try {
      await downloadFile(`/api/maturity/evidence/${encodeURIComponent(file.id)}`, file.fileName);
    } catch (error) {
      void message.error(errorMessage(error));
    }
  }

  if (readOnly && files.length === 0) return null;
  return (
    <div className="zz-maturity-evidence" style={{ marginTop: 8 }} data-testid="evidence">
      {!readOnly && (
        <Space size="small" wrap>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            multiple={false}
            disabled={progress !== null || files.length >= MAX_PER_ITEM}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={progress !== null} data-testid="evidence-upload">
              {pick(TEXT.upload)}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {pick(TEXT.hint)}
          </Typography.Text>
        </Space>
      )}
      {progress !== null && <Progress percent={progress} size="small" style={{ maxWidth: 320 }} data-testid="evidence-progress" />}
      {files.length > 0 && (
        <List
          size="small"
          dataSource={files}
          rowKey="id"
          renderItem={(file) => (
            <List.Item
              data-testid="evidence-file"
              actions={[
                <Button
                  key="d"
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() => void download(file)}
                  data-testid="evidence-download"
                >
                  {pick(TEXT.download)}
                </Button>,
                ...(readOnly
                  ? []
                  : [
                      <Popconfirm key="x" title={pick(TEXT.confirmDelete)} onConfirm={() => remove.mutate(file)}>
                        <Button
                          type="link"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          loading={remove.isPending && remove.variables?.id === file.id}
                          data-testid="evidence-delete"
                        >
                          {pick(TEXT.delete)}
                        </Button>
                      </Popconfirm>,
                    ]),
              ]}
            >
              <Space size="small">
                <PaperClipOutlined />
                <Typography.Text ellipsis style={{ maxWidth: 360 }} title={file.fileName}>
                  {file.fileName}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatSize(file.size)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
