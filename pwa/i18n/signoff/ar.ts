// The sign-off screen in Arabic: what the care recipient sees and hears.
// Machine-assisted translation: have a native speaker review it before production use.
import type { SignOffStrings } from './sv';

export const signOffAr: SignOffStrings = {
  // "A visit from <name>": avoids a gendered verb, as the caregiver may be a man or a woman.
  title: (name) => `زيارة من ${name}`,
  wasItDone: 'هل تم هذا؟',
  yes: 'نعم',
  no: 'لا',
  insats: {
    morning_help: 'مساعدة في الصباح',
    lunch: 'وجبة طعام',
    evening_help: 'مساعدة في المساء',
    night_help: 'زيارة في الليل',
    tillsyn: 'الاطمئنان عليك',
    shower: 'الاستحمام',
    shopping: 'التسوق',
    cleaning: 'التنظيف',
    laundry: 'غسيل الملابس',
    walk: 'نزهة',
    medication_reminder: 'الدواء',
    transfer: 'مساعدة في التنقل',
    alarm_callout: 'زر الطوارئ',
  },
  howWasIt: 'كيف كانت الزيارة؟',
  moods: { good: 'جيدة', so_so: 'متوسطة', bad: 'سيئة' },
  talk: 'أريد أن أتكلم مع أحد',
  talkChosen: 'سيتصل بك أحد',
  done: 'تم',
  decline: 'لا أريد أن أوقع',
  readAloud: 'قراءة بصوت عالٍ',
  thanks: 'شكرًا!',
  declined: 'لا بأس. شكرًا!',
  staff: 'الموظفون',
};
