import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';
import { loadRuntimeConfig } from '@hearth/console-core';

loadRuntimeConfig()
  .then((config) => bootstrapApplication(AppComponent, appConfig(config)))
  .catch((error: unknown) => {
    // Angular never started, so there is no template to show this in.
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = `The Hearth console could not start. ${error instanceof Error ? error.message : String(error)}`;
    document.body.replaceChildren(message);
    console.error(error);
  });
