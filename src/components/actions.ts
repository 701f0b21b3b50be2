// Every part that only runs after the reader acts, as one chunk: one shared chunk with the first paint
// instead of one per part (each chunk is gzipped alone, so fewer chunks are fewer bytes).
export { LogoutConfirmModal, UnrecognizedSessionDialog } from './LogoutConfirmModal';
export { LogoutAllDialog } from './LogoutAllDialog';
export { RowMenu } from './RowMenu';
export { SecureAccountCallout } from './SecureAccountCallout';
