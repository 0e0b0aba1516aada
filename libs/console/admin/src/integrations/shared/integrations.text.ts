import { defineTranslations } from '@hearth/console-core';

/** Words both integration screens use: secrets shown once, confirmations. */
export const INTEGRATIONS_TEXT = defineTranslations(
  {
    copyNow: 'Copy it now: it will not be shown again.',
    secretKept: 'Hearth keeps no copy it can show you. If it is lost, rotate the secret for a new one.',
    copy: (what: string) => `Copy the ${what.toLowerCase()}`,
    copied: 'Copied to the clipboard.',
    copyFailed: 'Your browser would not copy it: select the text and copy it yourself.',
    done: 'I have copied it',
    confirm: 'Confirm',
    cancel: 'Cancel',
    reasonRequired: 'Say why.',
    reasonTooLong: 'Keep it to 500 characters.',
    never: 'Never',
    nothingChanged: 'Nothing was changed:',
  },
  {
    copyNow: 'Copïwch hi nawr: ni chaiff ei dangos eto.',
    secretKept: 'Nid yw Hearth yn cadw copi y gall ei ddangos i chi. Os caiff ei cholli, cylchdrowch y gyfrinach i gael un newydd.',
    copy: (what: string) => `Copïo’r ${what.toLowerCase()}`,
    copied: 'Wedi’i chopïo i’r clipfwrdd.',
    copyFailed: 'Ni fyddai’ch porwr yn ei chopïo: dewiswch y testun a’i gopïo eich hun.',
    done: 'Rwyf wedi’i chopïo',
    confirm: 'Cadarnhau',
    cancel: 'Canslo',
    reasonRequired: 'Dywedwch pam.',
    reasonTooLong: 'Cadwch hi o fewn 500 nod.',
    never: 'Byth',
    nothingChanged: 'Ni newidiwyd dim:',
  },
);
