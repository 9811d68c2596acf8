// The API's validation answers (ProblemDetails with `errors`) shown beside the form fields they name.

/** { field: "messages" } from an ApiError; a refusal without field errors is kept under "" with its title. */
export function fieldMessages(error) {
  const errors = error.problem?.errors ?? { "": [error.message] };
  return Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages.join(" ")]));
}

/** The message for one field, when there is one. */
export const FieldError = {
  props: { fields: Object, name: String },
  template: `<span v-if="fields[name]" class="error" :data-testid="'error-' + name">{{ fields[name] }}</span>`,
};
