// The sign-off screen in Persian (Farsi): what the care recipient sees and hears.
// Machine-assisted translation: have a native speaker review it before production use.
import type { SignOffStrings } from './sv';

export const signOffFa: SignOffStrings = {
  title: (name) => `${name} به دیدن شما آمد`,
  wasItDone: 'انجام شد؟',
  yes: 'بله',
  no: 'نه',
  insats: {
    morning_help: 'کمک صبح',
    lunch: 'غذا',
    evening_help: 'کمک سر شب',
    night_help: 'دیدار شبانه',
    tillsyn: 'سر زدن به شما',
    shower: 'دوش گرفتن',
    shopping: 'خرید',
    cleaning: 'تمیز کردن خانه',
    laundry: 'شستن لباس',
    walk: 'پیاده‌روی',
    medication_reminder: 'دارو',
    transfer: 'کمک برای جابه‌جایی',
    alarm_callout: 'دکمه اضطراری',
  },
  howWasIt: 'دیدار چطور بود؟',
  moods: { good: 'خوب', so_so: 'معمولی', bad: 'بد' },
  talk: 'می‌خواهم با کسی حرف بزنم',
  talkChosen: 'کسی با شما تماس می‌گیرد',
  done: 'تمام',
  decline: 'نمی‌خواهم امضا کنم',
  readAloud: 'خواندن با صدای بلند',
  thanks: 'ممنون!',
  declined: 'اشکالی ندارد. ممنون!',
  staff: 'کارکنان',
};
