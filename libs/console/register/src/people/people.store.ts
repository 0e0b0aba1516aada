import { inject, Injectable } from '@angular/core';
import { asApiError, type CreatePersonInput, HearthApi, PagedList, problemsByField } from '@hearth/console-core';
import { RegisterCreatePersonDocument, RegisterPeopleDocument, type RegisterPersonLineFragment } from '../graphql.generated';
import { type FormOutcome } from '../shared/register.format';

/** The people register: a name search a page at a time, and adding a person. */
@Injectable()
export class PeopleStore {
  private readonly api = inject(HearthApi);
  private search = '';

  readonly list = new PagedList<RegisterPersonLineFragment>(25, async (first, after) => {
    const { data } = await this.api.query(RegisterPeopleDocument, { search: this.search || null, first, after });
    return data.people;
  });

  show(search: string): Promise<void> {
    this.search = search.trim();
    return this.list.first();
  }

  /** Resolves with the new person's id. */
  async create(input: CreatePersonInput): Promise<FormOutcome<string>> {
    try {
      const { createPerson: result } = await this.api.mutate(RegisterCreatePersonDocument, { input });
      if (result.__typename === 'Person') return { saved: true, value: result.id };
      return { saved: false, problems: problemsByField(result.problems), message: null };
    } catch (error) {
      return { saved: false, problems: {}, message: asApiError(error).message };
    }
  }
}
