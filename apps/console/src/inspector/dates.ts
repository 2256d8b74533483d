import dayjs from 'dayjs';
import { BEIJING } from '../shared/time';

/** Today's calendar date in Beijing (YYYY-MM-DD), what date fields of the API expect. */
export function beijingToday(): string {
  return dayjs().tz(BEIJING).format('YYYY-MM-DD');
}
