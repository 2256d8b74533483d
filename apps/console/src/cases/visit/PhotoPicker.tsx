import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useMemo } from 'react';

/**
 * Photos for one finding: the phone opens its camera (capture="environment"), a computer its file
 * picker; several may be chosen. Shown as small previews that can be removed before submitting.
 */
export function PhotoPicker({ label, photos, onChange }: { label: string; photos: readonly File[]; onChange: (photos: File[]) => void }) {
  const previews = useMemo(() => photos.map((photo) => URL.createObjectURL(photo)), [photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);
  return (
    <div>
      <label className="camera-input">
        <CameraOutlined style={{ marginRight: 8 }} />
        拍照 / 选择照片
        <input
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          aria-label={`${label}：拍照或选择照片`}
          onChange={(event) => {
            const chosen = Array.from(event.target.files ?? []);
            event.target.value = '';
            onChange([...photos, ...chosen]);
          }}
        />
      </label>
      {photos.length > 0 && (
        <ul className="photo-strip" aria-label={`${label}：已选照片`} style={{ listStyle: 'none', padding: 0 }}>
          {photos.map((photo, index) => (
            <li key={`${photo.name}-${index}`} style={{ position: 'relative' }}>
              <img src={previews[index]} alt={photo.name} />
              <Button
                size="small"
                shape="circle"
                danger
                icon={<DeleteOutlined />}
                aria-label={`移除照片 ${photo.name}`}
                style={{ position: 'absolute', top: -6, right: -6 }}
                onClick={() => onChange(photos.filter((_, i) => i !== index))}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
