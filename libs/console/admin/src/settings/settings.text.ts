import { defineTranslations, type Language } from '@hearth/console-core';

/** Settings' own words (the rest are the console's shared ones). */
export const SETTINGS_TEXT = defineTranslations(
  {
    languageHeading: 'Language',
    languageNames: { en: 'English', cy: 'Welsh' } as Record<Language, string>,
    languageNote: (language: string) =>
      `You are reading Hearth in ${language}. Change it with the language switch at the top of every page; this browser remembers your choice.`,
    closureHeading: 'Closure days',
    closureIntro:
      'Days your offices are shut besides weekends and bank holidays. Deadlines on your calendar (repairs, complaints) skip them, so add them before they come.',
    closureLoading: 'Loading closure days',
    closureLabel: 'Closure days from today',
    closureEmpty: 'No closure days from today on.',
    day: 'Day',
    description: 'Description',
    addedBy: 'Added by',
    actions: 'Actions',
    remove: 'Remove',
    removeLabel: (day: string) => `Remove the closure day ${day}`,
    addHeading: 'Add a closure day',
    dayLabel: 'Day',
    descriptionLabel: 'Description',
    descriptionHint: 'e.g. Staff training day',
    add: 'Add closure day',
    dayRequired: 'Choose the day.',
    descriptionRequired: 'Say why the offices are shut.',
    added: (day: string) => `${day} is now a closure day.`,
    removed: (day: string) => `${day} is no longer a closure day.`,
    taken: 'That day is a closure day already.',
    notFound: 'That day was not a closure day.',
  },
  {
    languageHeading: 'Iaith',
    // Mutated as they follow "yn": yn Saesneg, yn Gymraeg.
    languageNames: { en: 'Saesneg', cy: 'Gymraeg' },
    languageNote: (language: string) =>
      `Rydych yn darllen Hearth yn ${language}. Newidiwch hi gyda’r dewis iaith ar frig pob tudalen; mae’r porwr hwn yn cofio eich dewis.`,
    closureHeading: 'Diwrnodau cau',
    closureIntro:
      'Diwrnodau pan fydd eich swyddfeydd ar gau heblaw penwythnosau a gwyliau banc. Mae terfynau amser ar eich calendr (atgyweiriadau, cwynion) yn eu hepgor, felly ychwanegwch nhw cyn iddyn nhw ddod.',
    closureLoading: 'Yn llwytho’r diwrnodau cau',
    closureLabel: 'Diwrnodau cau o heddiw ymlaen',
    closureEmpty: 'Dim diwrnodau cau o heddiw ymlaen.',
    day: 'Diwrnod',
    description: 'Disgrifiad',
    addedBy: 'Ychwanegwyd gan',
    actions: 'Camau',
    remove: 'Dileu',
    removeLabel: (day: string) => `Dileu’r diwrnod cau ${day}`,
    addHeading: 'Ychwanegu diwrnod cau',
    dayLabel: 'Diwrnod',
    descriptionLabel: 'Disgrifiad',
    descriptionHint: 'e.e. Diwrnod hyfforddi staff',
    add: 'Ychwanegu diwrnod cau',
    dayRequired: 'Dewiswch y diwrnod.',
    descriptionRequired: 'Dywedwch pam mae’r swyddfeydd ar gau.',
    added: (day: string) => `Mae ${day} bellach yn ddiwrnod cau.`,
    removed: (day: string) => `Nid yw ${day} yn ddiwrnod cau mwyach.`,
    taken: 'Mae’r diwrnod hwnnw’n ddiwrnod cau yn barod.',
    notFound: 'Nid oedd y diwrnod hwnnw’n ddiwrnod cau.',
  },
);
