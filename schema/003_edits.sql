-- SPDX-License-Identifier: GPL-3.0-or-later
-- Extensions (gia hạn): the new deadline and the document that approved it,
-- the original deadline text staying as the plan wrote it.
ALTER TABLE task ADD COLUMN extension_text TEXT NOT NULL DEFAULT '';
ALTER TABLE task ADD COLUMN extension_document TEXT NOT NULL DEFAULT '';

-- Meeting minutes read history by time.
CREATE INDEX history_by_time ON history (at);
