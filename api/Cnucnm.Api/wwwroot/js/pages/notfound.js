export const NotFoundPage = {
  template: `
    <div class="notfound" data-testid="not-found">
      <h1>{{ $t('notFound.title') }}</h1>
      <p>{{ $t('notFound.text') }}</p>
      <router-link to="/">{{ $t('notFound.back') }}</router-link>
    </div>`,
};
