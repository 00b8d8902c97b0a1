// The sign-off screen in Somali: what the care recipient sees and hears.
// Machine-assisted translation: have a native speaker review it before production use.
import type { SignOffStrings } from './sv';

export const signOffSo: SignOffStrings = {
  title: (name) => `${name} ayaa ku soo booqday`,
  wasItDone: 'Ma la sameeyay?',
  yes: 'Haa',
  no: 'Maya',
  insats: {
    morning_help: 'Caawimaad subaxdii',
    lunch: 'Cunto',
    evening_help: 'Caawimaad fiidkii',
    night_help: 'Booqasho habeenkii',
    tillsyn: 'Eegidda xaaladdaada',
    shower: 'Qubeys',
    shopping: 'Wax iibsasho',
    cleaning: 'Nadiifinta guriga',
    laundry: 'Dhar dhaqid',
    walk: 'Socod',
    medication_reminder: 'Daawo',
    transfer: 'Caawimaad dhaqdhaqaaq',
    alarm_callout: 'Badhanka gargaarka',
  },
  howWasIt: 'Sidee ahayd booqashadu?',
  moods: { good: 'Wanaagsan', so_so: 'Dhexdhexaad', bad: 'Xun' },
  talk: 'Waxaan rabaa inaan qof la hadlo',
  talkChosen: 'Qof ayaa kula soo xiriiri doona',
  done: 'Waan dhammeeyay',
  decline: 'Ma rabo inaan saxiixo',
  readAloud: 'Kor u akhri',
  thanks: 'Mahadsanid!',
  declined: 'Waa hagaag. Mahadsanid!',
  staff: 'Shaqaalaha',
};
