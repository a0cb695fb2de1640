import type { SlackUserMapping } from '../../ports/store.ts';
import { int, text, textOrNull } from '../sql/columns.ts';
import type { SqlExecutor } from '../sql/driver.ts';

/** E-mail addresses are matched case-insensitively (HubSpot and Slack disagree on case). */
const emailKey = (email: string): string => email.trim().toLowerCase();

export async function slackUser(db: SqlExecutor, email: string): Promise<SlackUserMapping | null> {
  const [row] = await db.query(
    'SELECT email, slack_user_id, checked_at FROM slack_users WHERE email_key = $1',
    [emailKey(email)],
  );
  if (!row) return null;
  return {
    email: text(row, 'email'),
    slackUserId: textOrNull(row, 'slack_user_id'),
    checkedAt: int(row, 'checked_at'),
  };
}

export async function saveSlackUser(db: SqlExecutor, m: SlackUserMapping): Promise<void> {
  await db.run(
    `INSERT INTO slack_users (email_key, email, slack_user_id, checked_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (email_key) DO UPDATE SET email = excluded.email, slack_user_id = excluded.slack_user_id,
       checked_at = excluded.checked_at`,
    [emailKey(m.email), m.email, m.slackUserId, m.checkedAt],
  );
}
